import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrations';
import { createDispatcher, type DispatchLogEntry, type Handlers } from '../ipc/dispatcher';
import { createPatientService } from '../patients/service';
import { patientHandlers } from '../patients/handlers';
import { createSettingsService, type KeyValueStore } from '../settings/service';
import { settingsHandlers } from '../settings/handlers';
import { settingsJournal } from '../settings/journal';
import { cachedSettings } from '../settings/cached';
import { createConsentService } from '../consent/service';
import { formsNeeded } from '../consent/needs-forms';
import { consentHandlers } from '../consent/handlers';
import { documentStore } from '../consent/documents';
import { checkConsentPdf, renderConsentPdf } from '../consent/pdf/render';
import { seedTemplates } from '../consent/templates';
import { createPatientMode } from '../patient-mode/service';
import { patientModeHandlers } from '../patient-mode/handlers';
import { sessionStore } from '../patient-mode/store';
import { printingHandlers } from '../printing/handlers';
import type { Printer } from '../printing/types';
import { appendAudit, type AuditEntry } from '../audit/log';
import { auditReads } from '../audit/reads';
import { createAuditService } from '../audit/service';
import { createStaffService } from '../staff/service';
import { actingStaff } from '../staff/acting';
import { autoLockMinutes, staffHandlers } from '../staff/handlers';
import { createSession, defaultAutoLockMinutes } from '../session/session';
import { sessionAccess } from '../session/access';
import { appInfoHandlers } from './info';
import { createIntakeService, readIntakePolicy } from '../intake/service';
import { intakeHandlers } from '../intake/handlers';
import { seedIntakeTemplate } from '../intake/templates';
import { createAppointmentService } from '../appointments/service';
import { appointmentHandlers } from '../appointments/handlers';
import { createScreeningService } from '../screening/service';
import { screeningHandlers } from '../screening/handlers';
import { seedScreeningSet } from '../screening/sets';
import { renderScreeningPdf } from '../screening/pdf';
import { createToday } from '../today/service';
import { todayHandlers } from '../today/handlers';
import { screeningSteps } from '../today/steps/screening';
import { consentStep } from '../today/steps/consents';
import { intakeStep } from '../today/steps/intake'; // day
import { checklistStep } from '../today/steps/checklist'; // day
import { followUpsStep } from '../today/steps/followups'; // follow-ups
import { createChecklistService } from '../checklist/service'; // day
import { checklistHandlers } from '../checklist/handlers'; // day
import { createContactLog } from '../contactlog/service'; // day
import { renderContactLogPdf } from '../contactlog/pdf'; // day
import { contactLogHandlers } from '../contactlog/handlers'; // day
import { preparePrivateFolder } from '../files/private';
import { createExportService } from '../export/record';
import { exportHandlers } from '../export/handlers';
import { createRetentionService } from '../retention/service';
import { createBackupService, type BackupDeps } from '../backup/service';
import type { SettingsFile } from '../backup/restore';
import { sweepOrphans } from '../startup/sweep';
import type { DataPaths } from './paths';
// follow-ups
import { createFollowUpService } from '../followups/service';
import { createCareService } from '../followups/care';
import { followUpHandlers } from '../followups/handlers';
import { isMailto } from '../followups/mail';
import { createSummaryService } from '../followups/summary/service'; // alliance summary
import { summaryHandlers } from '../followups/summary/handlers'; // alliance summary
// check-ins
import { createCheckinService } from '../checkin/service';
import { checkinHandlers } from '../checkin/handlers';
import { currentQuestionnaire, seedQuestionnaire } from '../checkin/questionnaires';
// dashboard
import { createDashboardService } from '../dashboard/service';
import { dashboardHandlers } from '../dashboard/handlers';
import { countCheckin } from '../dashboard/totals';

export interface AppDeps {
  paths: DataPaths;
  store: KeyValueStore & SettingsFile & { path: string };
  version: string;
  /** The app's resources folder: fonts and the shipped consent wording. */
  resourcesDir: string;
  /** The operating system's printing (CUPS, or Windows). */
  printer: Printer;
  /** Opens a file in the system's viewer (Electron's shell.openPath in the app). */
  openPath: (file: string) => Promise<boolean>;
  // follow-ups
  /** Opens a mailto: link in the clinic's mail program (Electron's shell.openExternal); none by default. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Told when patient mode starts and ends, so the shell can lock its window. */
  onPatientModeChange?: (on: boolean) => void;
  now?: () => Date;
  /** Idle time for the auto-lock; a clock that only moves forward (performance.now by default). */
  monotonic?: () => number;
  newId?: () => string;
  log?: (entry: DispatchLogEntry) => void;
  /** Given by main/app/host.ts: close this app, run `between`, open it again (a restore). */
  restart?: BackupDeps['restart'];
}

/** How long a closing app waits for the calls in flight: a save takes milliseconds, a stuck printer for ever. */
const callsAnswerWithinMs = 10_000;

/**
 * Builds everything behind the IPC contract from its side effects. Electron's main,
 * the browser harness, the tests and the benchmark all start here, so they run the
 * same handlers; only the transport in front differs.
 */
export async function createApp(deps: AppDeps) {
  const { paths, version, resourcesDir, now = () => new Date(), newId = randomUUID, log = () => {} } = deps;
  const store = cachedSettings(deps.store);
  await preparePrivateFolder(paths.root, [paths.documents, paths.assets]);
  const db = openDatabase(paths.database);
  await migrateToLatest(db);
  await seedTemplates(db, resourcesDir, now, newId);
  await seedIntakeTemplate(db, resourcesDir, now, newId);
  await seedScreeningSet(db, resourcesDir, now, newId);
  await seedQuestionnaire(db, resourcesDir, now, newId); // check-ins
  const swept = await sweepOrphans(db, paths.documents, paths.root, now());
  // A count only: file names are record ids, and the log is no place for them.
  if (swept.moved) console.warn(`[rapport] start-up: ${swept.moved} file(s) without a record moved to quarantine`);
  // Settings changes and their audit entries: both or neither (see journal.ts).
  const journal = settingsJournal({ db, store, newId, now });
  await journal.reconcile();

  const settings = createSettingsService({ store: journal.store, assetsDir: paths.assets });
  const needsForms = formsNeeded({ now, policy: () => settings.consentPolicy(), timeZone: async () => settings.details().timeZone });
  const patients = createPatientService({ db, now, newId, needsForms });
  // Only faster searches hang on it: a disk too full for the rewrite must not stop the desk.
  await patients.tidyIndex().catch(() => console.warn('[rapport] start-up: the search index could not be merged; it stays as it was'));
  const staff = createStaffService({ db, now, newId });
  const session = createSession({ db, staff, now, newId, autoLockMinutes: () => autoLockMinutes(journal.store, defaultAutoLockMinutes), locale: () => settings.details().locale, monotonic: deps.monotonic });
  const trail = createAuditService({ db, now, newId, timeZone: () => settings.details().timeZone });
  // The rows written since the last good check, verified before anything new is added (issue 8).
  await trail.checkAtStartup();
  const intake = createIntakeService({ db, now, newId, policy: () => readIntakePolicy(journal.store.get('intakePolicy')) });
  const documents = documentStore(paths.documents);
  const fontsDir = path.join(resourcesDir, 'fonts');
  const getPatient = async (id: string) => {
    const r = await patients.get({ id });
    return r.ok ? r.value : null;
  };
  const audit = (entry: Omit<AuditEntry, 'at'>) => db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), ...entry }));
  const patientMode = await createPatientMode({
    getPatient,
    checkPin: (staffId, pin) => staff.checkSecret({ staffId }, pin),
    onExit: (by) => session.begin(by),
    ...sessionStore(db, now, newId),
    audit: (action, patientId, detail) => audit({ action, entity: 'patient', entityId: patientId, detail }),
    onChange: deps.onPatientModeChange,
    now,
    signedSince: (patientId, since) => consent.signedOnScreenSince(patientId, since),
    canPrint: (session) => consent.canPrint(session),
    // check-ins
    checkinSince: async (patientId, since) => Boolean(await db('checkins').where({ patient_id: patientId, taken_by: 'patient' }).where('taken_at', '>=', since).first('id')),
    screenedSince: (appointmentId, since) => screening.arrivalSince(appointmentId, since), // day
  });
  /** Whether a patient holds the screen (drafts then belong to the patient's session). */
  const patientHolds = () => patientMode.session() !== null;
  const checkin = createCheckinService({ db, now, newId, recorded: (trx, taken) => countCheckin(trx, settings.details().timeZone, taken) }); // check-ins
  const consent = createConsentService({
    db,
    now,
    newId,
    documents,
    getPatient,
    profile: settings.details,
    logo: settings.logo,
    policy: () => settings.consentPolicy(),
    render: (input) => renderConsentPdf(input, { fontsDir }),
    checkPdf: (input) => checkConsentPdf(input, { fontsDir }),
  });

  // A patient's data on request, and the purge past the retention period (issue 10.6).
  const exporter = createExportService({
    db, now, newId, documents, fontsDir, getPatient,
    exportsDir: path.join(paths.root, 'exports'),
    consentHistory: (patientId) => consent.history({ patientId }),
    clinicName: () => settings.details().name,
    clinicLocale: () => settings.details().locale,
  });
  const retention = createRetentionService({ db, now, newId, documents, store: journal.store, journaled: journal.change });
  const auditBackup = (action: string, entityId: string) => audit({ action, entity: 'backup', entityId });
  // The whole settings file travels with a backup; the journal's view is for the settings service's own changes.
  const backup = createBackupService({ paths, settings: store, appVersion: version, now, restart: deps.restart, audit: auditBackup });
  const stopSchedule = backup.schedule();

  const timeZone = () => settings.details().timeZone;
  const screening = createScreeningService({
    db, now, newId, store: journal.store, byPatient: patientHolds, documents,
    pdf: async (s, trx) => {
      const visit = await appointments.read(s.appointmentId, trx);
      return renderScreeningPdf({ screening: s, clinicName: settings.details().name, patientName: visit?.patientName ?? '', visitStartsAt: visit?.startsAt ?? s.takenAt, timeZone: timeZone() }, fontsDir);
    },
  });
  // follow-ups: only a mailto: link ever reaches the operating system from here.
  const openExternal = deps.openExternal ?? (async () => false);
  const followUps = createFollowUpService({
    db, now, newId, timeZone, locale: () => settings.details().locale, clinicName: () => settings.details().name,
    openMailto: async (url) => isMailto(url) && openExternal(url),
  });
  const care = createCareService({ db, now, newId, timeZone, rederive: followUps.rederive });
  const appointments = createAppointmentService({ db, now, newId, timeZone, mayCheckIn: screening.refuseVisit, afterChange: followUps.afterVisitChange });
  // The Today row's steps, in the order the desk meets them; intake, checklist and follow-ups join here.
  const checklist = createChecklistService({ db, now, newId, locale: () => settings.details().locale }); // day
  const contactLog = createContactLog({ db, now, newId, timeZone, store: journal.store, pdf: (i) => renderContactLogPdf({ ...i, clinicName: settings.details().name }, fontsDir) }); // day
  const today = createToday({ db, now, timeZone, day: (day) => appointments.day(day), steps: [...screeningSteps(screening.policy), consentStep(() => settings.consentPolicy()), intakeStep(intake.statusOf), checklistStep(checklist), followUpsStep], locale: () => settings.details().locale });

  // Reading a record, or a signed document, is audited too (issue 8).
  const read = auditReads(db, newId, now);
  const acting = actingStaff(staff);
  const patientRoutes = patientHandlers(patients);
  const settingsRoutes = settingsHandlers(settings, journal.change);
  const intakeRoutes = intakeHandlers({ intake, acting, patientHolds, store: journal.store, journaled: journal.change });
  const screeningRoutes = screeningHandlers({ screening, journaled: journal.change, record: patientMode.screenOnce(screening.record) });
  const consentRoutes = consentHandlers({ consent, sign: patientMode.signOnce(consent.sign), printer: deps.printer, openPath: deps.openPath, acting });
  const handlers: Handlers = {
    ...patientRoutes,
    'patients.get': read('patient.viewed', ({ id }) => ({ entity: 'patient', entityId: id }), patientRoutes['patients.get']),
    ...settingsRoutes,
    ...consentRoutes,
    'consent.document': read('consent.document_viewed', (i) => ({ entity: 'consent', entityId: i.consentId }), consentRoutes['consent.document']),
    'consent.openInViewer': read('consent.document_opened', (i) => ({ entity: 'consent', entityId: i.consentId }), consentRoutes['consent.openInViewer']),
    'consent.print': read(
      'consent.printed',
      (i) => (i.consentId ? { entity: 'consent', entityId: i.consentId } : { entity: 'patient', entityId: i.blankForm!.patientId, detail: { blankForm: i.blankForm!.kind } }),
      consentRoutes['consent.print'],
    ),
    ...patientModeHandlers(patientMode, acting, async (patientId) => (await intake.statusOf([patientId])).get(patientId)!.version, screening.screenable, async () => (await currentQuestionnaire(db)).id),
    ...intakeRoutes,
    // The versions side by side are the clinical history: who looked is recorded.
    'intake.history': read('intake.history_viewed', ({ patientId }) => ({ entity: 'patient', entityId: patientId }), intakeRoutes['intake.history']),
    ...printingHandlers(deps.printer),
    ...appInfoHandlers(db, { version, dataDirectory: paths.root }),
    ...exportHandlers(exporter, retention),
    ...appointmentHandlers(appointments, timeZone),
    ...screeningRoutes,
    'screening.document': read('screening.document_viewed', (i) => ({ entity: 'screening', entityId: i.screeningId }), screeningRoutes['screening.document']),
    ...todayHandlers(today),
    ...checklistHandlers(checklist), // day
    ...contactLogHandlers(contactLog, journal.change), // day
    ...staffHandlers({ db, staff, session, audit: trail, store: journal.store, journaled: journal.change, now, newId, updateClinic: settingsRoutes['settings.update'] }),
    // follow-ups
    ...followUpHandlers(followUps, care),
    ...summaryHandlers({ summary: createSummaryService({ db, now, newId, documents, fontsDir, care, profile: settings.details, logo: settings.logo }), printer: deps.printer, openPath: deps.openPath }), // alliance summary
    'backup.status': backup.status,
    'backup.setFolder': backup.setFolder,
    'backup.start': backup.start,
    'backup.list': backup.list,
    'backup.verify': backup.verify,
    'backup.restore': backup.restore,
    'backup.undoRestore': backup.undoRestore,
    // check-ins
    ...checkinHandlers({ checkin, acting, patientSession: patientMode.session }),
    // dashboard
    ...dashboardHandlers(createDashboardService({ db, now, timeZone }), acting),
  };
  const dispatch = createDispatcher(handlers, log, patientMode.refuse, sessionAccess(session, patientMode), () => settings.details().locale);

  return {
    db,
    paths,
    services: { patients, settings, consent, patientMode, backup, staff, session, audit: trail, intake, appointments, screening, followUps, care, checkin },
    dispatch,
    /** Writes the audit entry of a restore into the data the app reopened on. */
    audit: auditBackup,
    /**
     * `backup: true` when the app quits: the day's work goes to the backup folder first.
     * The calls in flight answer before the database closes, unless the close comes from
     * one of them (`fromCall`: a restore), which would wait on itself.
     */
    close: async (options: { backup?: boolean; fromCall?: boolean } = {}) => {
      stopSchedule();
      await dispatch.drain(options.fromCall ? 0 : callsAnswerWithinMs);
      if (options.backup) await backup.runOnce();
      else await backup.idle();
      await patientMode.settled();
      await db.destroy();
    },
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
