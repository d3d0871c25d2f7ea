/**
 * Fills a data folder with a fictional clinic, to look at the screens with realistic
 * data: `npm run demo`, then `RAPPORT_DATA_DIR=<folder> npm run look`.
 *
 *   RAPPORT_DATA_DIR   the folder (default ./.data/demo)
 *   --force            add the demo patients even if the database already has patients
 *   --patients=N       how many patients (default 300)
 *
 * Everything goes through the dispatcher, the path the screens use: the clinic profile
 * through settings.update, each patient through patients.create, archiving through
 * patients.archive. So the demo data is exactly what the app itself would have written,
 * audit trail included. Only counts are printed: even invented names stay out of logs.
 *
 * Staff (demo PINs, for training only; printed at the end): an admin, two therapists
 * and a receptionist. Consents are recorded by whoever is signed in, as at the desk.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';
import { dataPaths } from '../main/app/paths';
import { nodeApp, startAs, testStaff } from '../tests/support/node-app';
import { createRandom, generatePatients } from './lib/people';
import { scribblePng } from './lib/png';
import { demoIntakes } from './lib/intakes';
import { ageOn } from '../shared/text/date';

const args = process.argv.slice(2);
const force = args.includes('--force');
const count = Number(args.find((a) => a.startsWith('--patients='))?.split('=')[1] ?? 300);
const seed = 1985;

const clinic = {
  name: 'Harbourside Massage & Physiotherapy',
  addressLine1: '1180 Hornby Street',
  addressLine2: 'Suite 210',
  city: 'Vancouver',
  region: 'BC',
  postalCode: 'V6Z 1V8',
  phone: '604-555-0100',
  email: 'frontdesk@harbourside.example',
  timeZone: 'America/Vancouver',
  locale: 'en-CA',
} as const;

/** The second therapist; the admin, the first therapist and the receptionist are the test support's. */
const demoTherapist = { name: 'Aiko Tanaka, PT', initials: 'AK', roles: ['therapist' as const], secret: '864297' };

const archiveReasons = [
  'Moved out of province',
  'Asked to be removed from the recall list',
  'Duplicate record: the other one is kept',
  'Transferred care to a clinic closer to home',
  'Moved away; records kept for the retention period',
];

async function patientsAlreadyIn(database: string): Promise<number> {
  if (!existsSync(database)) return 0;
  // A plain look, SELECTs only: nothing is written (not even a migration) before the
  // check passes. (knex cannot open SQLite read-only: it always adds OPEN_READWRITE.)
  const db = knexFactory({ client: 'sqlite3', connection: { filename: database }, useNullAsDefault: true });
  try {
    const table = await db('sqlite_master').where({ type: 'table', name: 'patients' }).first('name');
    if (!table) return 0;
    const [{ n }] = (await db('patients').count({ n: '*' })) as Array<{ n: number }>;
    return Number(n);
  } finally {
    await db.destroy();
  }
}

async function main() {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--patients takes a whole number from 1 to 100000');
  const paths = dataPaths(path.resolve('.data/demo'));
  const existing = await patientsAlreadyIn(paths.database);
  if (existing > 0 && !force) {
    console.error(`${paths.database} already holds ${existing} patient records; nothing was written.`);
    console.error('Choose an empty folder with RAPPORT_DATA_DIR, or add --force to add the demo patients to it.');
    process.exitCode = 1;
    return;
  }

  // A clock the demo moves: records appear created over the last eighteen months,
  // in order, as a clinic's would; after seeding it is the real time again.
  const span = 548 * 24 * 3600 * 1000;
  const start = Date.now() - span;
  let simulated: Date | null = new Date(start);
  const app = await nodeApp({ dataDir: paths.root, now: () => simulated ?? new Date() });
  const random = createRandom(seed + existing);
  try {
    // The admin is signed in (nodeApp); the rest of the team joins once.
    if (!(await app.services.staff.active()).some((s) => s.initials === demoTherapist.initials)) {
      const made = await app.dispatch('staff.create', demoTherapist);
      if (!made.ok) throw new Error(`staff: ${made.error.code} ${made.error.message}`);
    }
    const profile = await app.dispatch('settings.update', clinic);
    if (!profile.ok) throw new Error(`clinic profile: ${profile.error.code} ${profile.error.message}`);

    // Adding to a database (--force) brings new people, not the same ones again.
    const people = generatePatients(count, seed + existing, { home: clinic.city });
    const ids: string[] = [];
    let failed = 0;
    for (const [i, patient] of people.entries()) {
      simulated = new Date(start + Math.floor((span * (i + random.next())) / (count + 1)));
      const created = await app.dispatch('patients.create', { patient, acknowledgeDuplicates: true });
      if (created.ok) ids.push((created.value as { id: string }).id);
      else failed++;
    }

    // A few records archived, never deleted, each with its reason.
    const archiveCount = Math.max(1, Math.round(count / 60));
    const archived = new Set<string>();
    while (archived.size < Math.min(archiveCount, ids.length)) archived.add(random.pick(ids));
    simulated = null;
    let archiveFailed = 0;
    for (const id of archived) {
      const got = await app.dispatch('patients.get', { id });
      const r = got.ok ? await app.dispatch('patients.archive', { id, reason: random.pick(archiveReasons), expectedUpdatedAt: (got.value as { updatedAt: string }).updatedAt }) : got;
      if (!r.ok) archiveFailed++;
    }

    // Consent on file for many, as a clinic a few months in would have it: signed on
    // screen or on paper, some spoken consent for sensitive areas, one withdrawal.
    // Each person records a share of them, signed in in turn, as at a real desk.
    const shifts = ['admin', 'therapist', 'reception'] as const;
    let consents = 0;
    let consentFailed = 0;
    let minors = 0;
    const parentGivenNames = ['Anne', 'David', 'Mei', 'Carlos'];
    const active = ids.filter((id) => !archived.has(id)).slice(0, Math.min(120, ids.length));
    for (const [i, id] of active.entries()) {
      const patient = people[ids.indexOf(id)];
      // A minor's forms are signed by a parent (the demo clinic has 16-year-olds): the
      // emergency contact when that is the parent, otherwise a parent of the same surname.
      const minor = (ageOn(patient.dateOfBirth, new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone })) ?? 18) < 18;
      const parentName = patient.emergencyContact.relationship === 'parent' ? patient.emergencyContact.name : `${parentGivenNames[i % parentGivenNames.length]} ${patient.lastName}`;
      const signerName = minor ? parentName : `${patient.firstName} ${patient.lastName}`;
      const signerRelationship = minor ? 'parent' : 'self';
      if (minor) minors++;
      if (i % 40 === 0) await startAs(app, shifts[(i / 40) % shifts.length]);
      const kinds = ['treatment', 'privacy', ...(i % 3 === 0 ? ['outbreak'] : []), ...(i % 12 === 0 ? ['sensitive_areas'] : [])];
      for (const kind of kinds) {
        const choices = kind === 'privacy' ? [patient.preferredContact] : kind === 'sensitive_areas' ? ['gluteal'] : [];
        const signature =
          i % 5 === 4
            ? { method: 'paper', signerName, signerRelationship, signedOn: new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone }) }
            : { method: 'screen', imageBase64: scribblePng(seed + i).toString('base64'), signerName, signerRelationship };
        const r = await app.dispatch('consent.sign', { patientId: id, kind, locale: i % 7 === 0 ? 'fr-CA' : 'en-CA', choices, templateVersion: 1, signature });
        if (r.ok) consents++;
        else consentFailed++;
        if (r.ok && kind === 'outbreak' && i === 3) {
          await app.dispatch('consent.withdraw', { consentId: (r.value as { id: string }).id, reason: 'Prefers to wait until case numbers fall' });
        }
      }
    }

    const intakes = await demoIntakes(app, ids.filter((id) => !archived.has(id)), (date) => void (simulated = date));
    // A day at the desk: rooms, types of visit, the therapists' hours, and today's visits,
    // the morning's booking screenings taken, as reception would have it at opening.
    await startAs(app, 'admin');
    const must = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const rooms: Array<{ id: string }> = [];
    for (const name of ['Room 1', 'Room 2', 'Room 3']) rooms.push(await must('appointments.saveRoom', { name }));
    const types: Array<{ id: string; minutes: number }> = [
      await must('appointments.saveType', { name: 'Massage, 60 min', minutes: 60, consentForms: ['treatment', 'outbreak'] }),
      await must('appointments.saveType', { name: 'Massage, 30 min', minutes: 30, consentForms: ['treatment', 'outbreak'] }),
      await must('appointments.saveType', { name: 'Chest and abdomen, 45 min', minutes: 45, consentForms: ['treatment', 'outbreak', 'sensitive_areas'] }),
    ];
    const { therapists } = await must<{ therapists: Array<{ id: string }> }>('appointments.setup', {});
    for (const t of therapists) await must('appointments.saveHours', { staffId: t.id, hours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })) });
    const today = new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone });
    const set = await must<{ id: string; questions: Array<{ id: string }> }>('screening.current', {});
    let visits = 0;
    for (let i = 0; i < 14; i++) {
      const therapist = therapists[i % therapists.length];
      const slot = 8 * 60 + Math.floor(i / therapists.length) * 75;
      const start = `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`;
      const booked = await app.dispatch('appointments.book', { patientId: active[i * 3], therapistId: therapist.id, roomId: rooms[i % rooms.length].id, typeId: types[i % types.length].id, day: today, start });
      if (!booked.ok) continue;
      visits++;
      if (i % 3 !== 2) {
        const appointmentId = (booked.value as { id: string }).id;
        await must('screening.record', { appointmentId, stage: 'booking', setId: set.id, answers: set.questions.map((q) => ({ questionId: q.id, answer: false })) });
      }
    }

    const info = await app.dispatch('app.info', {});
    const total = info.ok ? (info.value as { patientCount: number }).patientCount : NaN;
    console.log(`Demo clinic "${clinic.name}" (${clinic.city}, ${clinic.timeZone}) written to ${paths.root}`);
    console.log(`  patients created: ${ids.length}${failed ? ` (${failed} refused by validation)` : ''}`);
    console.log(`  archived with a reason: ${archived.size - archiveFailed}`);
    console.log(`  health history versions: ${intakes.written}${intakes.failed ? ` (${intakes.failed} refused)` : ''}`);
    console.log(`  patient records in the database now: ${total}`);
    console.log(`  consents recorded: ${consents}${consentFailed ? ` (${consentFailed} refused)` : ''}, for ${minors} minors signed by a parent`);
    console.log(`  visits booked for today: ${visits} (3 rooms, 3 types of visit)`);
    console.log('  staff (demo PINs, for training only):');
    for (const s of [testStaff.admin, testStaff.therapist, demoTherapist, testStaff.reception]) console.log(`    ${s.name.padEnd(24)} ${s.initials.padEnd(4)} ${s.roles.join(', ').padEnd(10)} PIN ${s.secret}`);
    console.log(`  database: ${paths.database}`);
    console.log(`  settings: ${path.join(paths.root, 'settings')}`);
    const shown = paths.root.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), paths.root) : paths.root;
    console.log(`\nLook at it:\n  RAPPORT_DATA_DIR=${shown} npm run look`);
    if (failed || archiveFailed || consentFailed) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : 'demo failed');
  process.exitCode = 1;
});
