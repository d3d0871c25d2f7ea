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
import { createBackupService, type BackupDeps } from '../backup/service';
import type { SettingsFile } from '../backup/restore';
import { sweepOrphans } from '../startup/sweep';
import { ok, type Result } from '../../shared/contract/result';
import type { Printer } from '../consent/handlers';
import type { DataPaths } from './paths';

export interface AppDeps {
  paths: DataPaths;
  store: KeyValueStore & SettingsFile;
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
  newId?: () => string;
  log?: (entry: DispatchLogEntry) => void;
  /** Given by main/app/host.ts: close this app, run `between`, open it again (a restore). */
  restart?: BackupDeps['restart'];
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
  const swept = await sweepOrphans(db, paths.documents, paths.root, now());
  // A count only: file names are record ids, and the log is no place for them.
  if (swept.moved) console.warn(`[rapport] start-up: ${swept.moved} file(s) without a record moved to quarantine`);

  const patients = createPatientService({ db, now, newId });
  const settings = createSettingsService({ store, assetsDir: paths.assets, now });
  const documents = documentStore(paths.documents);
  const fontsDir = path.join(resourcesDir, 'fonts');
  const getPatient = async (id: string) => {
    const r = await patients.get({ id });
    return r.ok ? r.value : null;
  };
  const patientMode = await createPatientMode({
    getPatient,
    checkPin: settings.checkPin,
    pinIsSet: () => settings.consentPolicy().staffPinSet,
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
    audit: (action, patientId) =>
      db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'patient', entityId: patientId })),
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

  const audit = (action: string, entityId: string) =>
    db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'backup', entityId }));
  const backup = createBackupService({ paths, settings: store, appVersion: version, now, restart: deps.restart, audit });
  const stopSchedule = backup.schedule();

  const handlers: Handlers = {
    'patients.search': patients.search,
    'patients.get': patients.get,
    'patients.findDuplicates': patients.findDuplicates,
    'patients.create': patients.create,
    'patients.update': patients.update,
    'patients.archive': patients.archive,
    'patients.restore': patients.restore,
    'settings.get': settings.get,
    'settings.update': audited('settings.clinic_profile_changed', settings.update),
    'settings.setLogo': audited('settings.logo_changed', settings.setLogo),
    'settings.removeLogo': audited('settings.logo_removed', settings.removeLogo),
    'settings.consentPolicy': settings.getConsentPolicy,
    'settings.updateConsentPolicy': audited('settings.consent_rules_changed', settings.updateConsentPolicy),
    'settings.setStaffPin': audited('settings.staff_pin_changed', settings.setStaffPin),
    'app.info': async () => {
      const [{ n }] = await db('patients').count({ n: '*' });
      return { ok: true, value: { version, dataDirectory: paths.root, patientCount: Number(n) } };
    },
    ...consentHandlers({ consent, patientMode, printer: deps.printer, openPath: deps.openPath }),
    'backup.status': backup.status,
    'backup.setFolder': backup.setFolder,
    'backup.start': backup.start,
    'backup.list': backup.list,
    'backup.verify': backup.verify,
    'backup.restore': backup.restore,
    'backup.undoRestore': backup.undoRestore,
  };

  return {
    db,
    paths,
    services: { patients, settings, consent, patientMode, backup },
    dispatch: createDispatcher(handlers, log, patientMode.refuse),
    audit,
    /** `backup: true` when the app quits: the day's work goes to the backup folder first. */
    close: async (options: { backup?: boolean } = {}) => {
      stopSchedule();
      if (options.backup) await backup.runOnce();
      else await backup.idle();
      await db.destroy();
    },
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
