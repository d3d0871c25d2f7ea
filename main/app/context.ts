import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrations';
import { createDispatcher, type DispatchLogEntry, type Handlers } from '../ipc/dispatcher';
import { createPatientService } from '../patients/service';
import { createSettingsService, type KeyValueStore } from '../settings/service';
import { createConsentService } from '../consent/service';
import { consentHandlers } from '../consent/handlers';
import { documentStore } from '../consent/documents';
import { renderConsentPdf } from '../consent/pdf/render';
import { seedTemplates } from '../consent/templates';
import { createPatientMode } from '../consent/patient-mode';
import { appendAudit } from '../audit/log';
import { createAuditService } from '../audit/service';
import { auditReads } from '../audit/reads';
import { createStaffService } from '../staff/service';
import { actingStaff } from '../staff/acting';
import { autoLockMinutes, staffHandlers } from '../staff/handlers';
import { createSession, defaultAutoLockMinutes } from '../session/session';
import { sessionAccess } from '../session/access';
import { ok, type Result } from '../../shared/contract/result';
import type { Printer } from '../consent/handlers';
import type { DataPaths } from './paths';

export interface AppDeps {
  paths: DataPaths;
  store: KeyValueStore;
  version: string;
  /** The app's resources folder: fonts and the shipped consent wording. */
  resourcesDir: string;
  /** The operating system's printing (CUPS, or Windows). */
  printer: Printer;
  /** Opens a file in the system's viewer (Electron's shell.openPath in the app). */
  openPath: (file: string) => Promise<boolean>;
  /** Told when patient mode starts and ends, so the shell can lock its window. */
  onPatientModeChange?: (on: boolean) => void;
  now?: () => Date;
  /** Idle time for the auto-lock; a clock that only moves forward (performance.now by default). */
  monotonic?: () => number;
  newId?: () => string;
  log?: (entry: DispatchLogEntry) => void;
}

/**
 * Builds everything behind the IPC contract from its side effects. Electron's main,
 * the browser harness, the tests and the benchmark all start here, so they run the
 * same handlers; only the transport in front differs.
 */
export async function createApp(deps: AppDeps) {
  const { paths, store, version, resourcesDir, now = () => new Date(), newId = randomUUID, log = () => {} } = deps;
  await mkdir(paths.root, { recursive: true });
  await mkdir(paths.documents, { recursive: true });
  const db = openDatabase(paths.database);
  await migrateToLatest(db);
  await seedTemplates(db, resourcesDir, now, newId);

  const patients = createPatientService({ db, now, newId });
  const settings = createSettingsService({ store, assetsDir: paths.assets });
  const staff = createStaffService({ db, now, newId });
  const session = createSession({ db, staff, now, newId, autoLockMinutes: () => autoLockMinutes(store, defaultAutoLockMinutes), monotonic: deps.monotonic });
  const audit = createAuditService({ db, now, newId, timeZone: settings.timeZone });
  // The rows written since the last good check, verified before anything new is added (issue 8).
  await audit.checkAtStartup();
  const documents = documentStore(paths.documents);
  const fontsDir = path.join(resourcesDir, 'fonts');
  const getPatient = async (id: string) => {
    const r = await patients.get({ id });
    return r.ok ? r.value : null;
  };
  const patientMode = await createPatientMode({
    getPatient,
    checkPin: (staffId, pin) => staff.checkSecret({ staffId }, pin),
    onExit: (by) => session.begin(by),
    load: async () => {
      const row = await db('app_state').where({ key: 'patient_mode' }).first('value');
      return row ? JSON.parse(row.value) : null;
    },
    save: async (session) => {
      await db('app_state')
        .insert({ key: 'patient_mode', value: JSON.stringify(session), updated_at: now().toISOString() })
        .onConflict('key')
        .merge();
    },
    audit: (action, patientId, actor) =>
      db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'patient', entityId: patientId, actor })),
    onChange: deps.onPatientModeChange,
    canPrint: async ({ patientId, kinds, locale }) => {
      for (const kind of kinds) {
        const form = await consent.blankForm({ patientId, kind, locale, choices: [] });
        if (!form.ok) return form;
      }
      return ok(null);
    },
  });
  const consent = createConsentService({
    db,
    now,
    newId,
    documents,
    getPatient,
    clinic: async () => ({ profile: await settings.profile(), logo: await settings.logo() }),
    policy: () => settings.consentPolicy(),
    render: (input) => renderConsentPdf(input, { fontsDir }),
  });

  // Settings are not records, but changing them changes records' meaning (how long a
  // consent lasts, who may leave patient mode): the audit log says when they changed.
  const audited =
    <I, O>(action: string, handler: (input: I) => Promise<Result<O>>) =>
    async (input: I): Promise<Result<O>> => {
      const result = await handler(input);
      if (result.ok) await db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'settings', entityId: 'clinic' }));
      return result;
    };

  const updateClinic = audited('settings.clinic_profile_changed', settings.update);
  const read = auditReads(db, newId, now);
  const acting = actingStaff(staff);
  const desk = consentHandlers({ consent, patientMode, printer: deps.printer, openPath: deps.openPath, acting });
  const handlers: Handlers = {
    'patients.search': patients.search,
    'patients.get': read('patient.viewed', ({ id }) => ({ entity: 'patient', entityId: id }), patients.get),
    'patients.findDuplicates': patients.findDuplicates,
    'patients.create': patients.create,
    'patients.update': patients.update,
    'patients.archive': patients.archive,
    'patients.restore': patients.restore,
    'settings.get': settings.get,
    'settings.update': updateClinic,
    'settings.setLogo': audited('settings.logo_changed', settings.setLogo),
    'settings.removeLogo': audited('settings.logo_removed', settings.removeLogo),
    'settings.consentPolicy': settings.getConsentPolicy,
    'settings.updateConsentPolicy': audited('settings.consent_rules_changed', settings.updateConsentPolicy),
    'app.info': async () => {
      const [{ n }] = await db('patients').count({ n: '*' });
      return { ok: true, value: { version, dataDirectory: paths.root, patientCount: Number(n) } };
    },
    ...desk,
    'consent.document': read('consent.document_viewed', (i, _v) => ({ entity: 'consent', entityId: i.consentId }), desk['consent.document']),
    'consent.openInViewer': read('consent.document_opened', (i, _v) => ({ entity: 'consent', entityId: i.consentId }), desk['consent.openInViewer']),
    'consent.print': read(
      'consent.printed',
      (i, _v) => (i.consentId ? { entity: 'consent', entityId: i.consentId } : { entity: 'patient', entityId: i.blankForm!.patientId, detail: { blankForm: i.blankForm!.kind } }),
      desk['consent.print'],
    ),
    ...staffHandlers({ db, staff, session, audit, store, now, newId, updateClinic }),
  };

  return {
    db,
    paths,
    services: { patients, settings, consent, patientMode, staff, session, audit },
    dispatch: createDispatcher(handlers, log, patientMode.refuse, sessionAccess(session, patientMode)),
    close: () => db.destroy(),
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
