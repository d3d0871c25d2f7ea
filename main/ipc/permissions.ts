import type { Channel } from '../../shared/contract';
import type { Role } from '../../shared/contract/staff';

/**
 * The one permission matrix: channel → who may call it. The dispatcher consults it
 * before parsing or running anything (main/session/access.ts). Typed over every
 * channel of the contract, so a new channel without an entry fails the build, and
 * tests/integration/permissions.test.ts walks every channel for every role.
 *
 * `public` answers with nobody signed in: signing in, the first-run setup, and what
 * the patient-mode screen needs to come back after a restart (the patient holds it).
 */
export type Permission = 'public' | readonly Role[];

/** Reception works the desk; therapists also see clinical details (the intake history) and decide clinical questions (a screening override); admins do everything. */
const desk = ['reception', 'therapist', 'admin'] as const;
const admin = ['admin'] as const;
const clinical = ['therapist', 'admin'] as const;

export const permissions: { readonly [C in Channel]: Permission } = {
  'setup.createFirstAdmin': 'public',
  'session.current': 'public',
  'session.people': 'public',
  'session.signIn': 'public',
  'session.lock': desk,
  'session.signOut': desk,
  'patientMode.current': 'public',
  'patientMode.exit': 'public',
  'patientMode.enter': desk,

  'patients.search': desk,
  'patients.get': desk,
  'patients.findDuplicates': desk,
  'patients.create': desk,
  'patients.update': desk,
  'patients.archive': desk,
  'patients.restore': desk,

  'consent.templates': desk,
  'consent.templateHistory': desk,
  'consent.saveTemplate': admin,
  'consent.status': desk,
  'consent.history': desk,
  'consent.preview': desk,
  'consent.sign': desk,
  'consent.recordVerbal': desk,
  'consent.withdraw': desk,
  'consent.document': desk,
  'consent.print': desk,
  'consent.openInViewer': desk,
  'printing.printers': desk,

  'settings.get': desk,
  'settings.consentPolicy': desk,
  'settings.update': admin,
  'settings.setLogo': admin,
  'settings.removeLogo': admin,
  'settings.updateConsentPolicy': admin,
  'app.info': desk,

  // The header's backup line reads the status on every screen; everything else is the admin's.
  'backup.status': desk,
  'backup.setFolder': admin,
  'backup.start': admin,
  'backup.list': admin,
  'backup.verify': admin,
  'backup.restore': admin,
  'backup.undoRestore': admin,

  'staff.list': admin,
  'staff.create': admin,
  'staff.update': admin,
  'staff.resetSecret': admin,
  'staff.setAutoLock': admin,

  // Reception and therapists see their own entries only (the handler filters).
  'audit.list': desk,
  'audit.export': desk,
  'audit.status': admin,
  'audit.verify': admin,

  // A patient asks the desk for their record; removing records for good is the admin's.
  'export.patient': desk,
  'retention.get': desk,
  'retention.set': admin,
  'purge.preview': admin,
  'purge.run': admin,
  // Intake (health history) is clinical. The desk takes it by phone, hands it to the
  // patient, and asks "any changes since your last visit?", so it reads and writes the
  // current answers; the history of versions with their differences is the clinical
  // record over time, for the people who treat (therapists) and admins. The status
  // (none / due / current) carries no health detail: everyone at the desk sees it.
  'intake.template': desk,
  'intake.saveTemplate': admin,
  'intake.status': desk,
  'intake.current': desk,
  'intake.history': clinical,
  'intake.submit': desk,
  'intake.confirmNoChanges': desk,
  'intake.draft': desk,
  'intake.saveDraft': desk,
  'intake.policy': desk,
  'intake.updatePolicy': admin,

  'appointments.setup': desk,
  'appointments.saveRoom': admin,
  'appointments.saveType': admin,
  'appointments.saveHours': admin,
  'appointments.day': desk,
  'appointments.week': desk,
  'appointments.book': desk,
  'appointments.move': desk,
  'appointments.cancel': desk,
  'appointments.noShow': desk,
  'appointments.checkIn': desk,
  'appointments.checkOut': desk,

  'screening.current': desk,
  'screening.saveSet': admin,
  'screening.policy': desk,
  'screening.updatePolicy': admin,
  'screening.forAppointment': desk,
  'screening.record': desk,
  'screening.addNote': desk,
  // A visit stopped by a screening goes ahead only on a clinical's or an admin's word.
  'screening.override': clinical,
  'screening.document': desk,

  'today.day': desk,

  // day
  'checklist.items': desk,
  'checklist.saveItems': admin,
  'checklist.forVisit': desk,
  'checklist.tick': desk,
  // Everyone who was in the clinic, with phones: for public health, on an admin's word.
  'contactlog.export': admin,
  'contactlog.policy': desk,
  'contactlog.updatePolicy': admin,
  'contactlog.purgePreview': admin,
  'contactlog.purge': admin,
  // follow-ups
  // The desk works the queue, reviews goals and records adherence at follow-ups; a
  // homecare plan is given by the person who treats; the clinic's rules are the admin's.
  'followups.queue': desk,
  'followups.record': desk,
  'followups.create': desk,
  'followups.patient': desk,
  'followups.undoDecline': desk,
  'followups.rules': desk,
  'followups.saveRule': admin,
  'followups.openMail': desk,
  'followups.goals': desk,
  'followups.saveGoal': desk,
  'followups.plans': desk,
  'followups.givePlan': clinical,
  'followups.recordAdherence': desk,
  // check-ins: the desk takes a check-in by phone and sees a patient's; saving a
  // questionnaire is the admin's; the tasks are for the therapists (each sees their own,
  // main/checkin/handlers.ts) and admins.
  'checkin.questionnaire': desk,
  'checkin.saveQuestionnaire': admin,
  'checkin.record': desk,
  'checkin.draft': desk,
  'checkin.saveDraft': desk,
  'checkin.dropDraft': desk,
  'checkin.history': desk,
  'checkin.tasks': clinical,
  'checkin.closeTask': clinical,
  // alliance summary: what the desk already sees on the care panel (goals, plan, adherence, check-ins, contacts), on one page.
  'alliance.summaryPdf': desk,
  // dashboard: the whole desk reads the clinic-wide series; the per-therapist scores in
  // it are cut in main to whom the reader may see (main/dashboard/handlers.ts).
  'dashboard.read': desk,
};

export function allows(channel: Channel, userRoles: readonly Role[] | null): boolean {
  const rule = permissions[channel];
  if (rule === 'public') return true;
  return userRoles !== null && rule.some((r) => userRoles.includes(r));
}
