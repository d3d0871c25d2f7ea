/**
 * The child that the crash test kills (crash-consent-kills.test.ts): it opens the app on
 * the data folder it is given, then registers patients, records signed consents (PDF,
 * signature image and row) and books visits, cancelling every other one, as fast as it
 * can, printing each id only once its commit has returned. The parent kills it with
 * SIGKILL at random moments.
 */
import { nodeApp } from '../support/node-app';
import { patientInput } from '../support/fixtures';
import { sampleSignaturePng } from '../support/consent-sample';

const [dataDir, settingsDir] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const app = await nodeApp({ dataDir, settingsDir, version: '0.0.0-crash' });
say('ready');
const signature = sampleSignaturePng().toString('base64');
const setup = await app.dispatch('appointments.setup', {});
if (!setup.ok) throw new Error(setup.error.message);
const { therapists, rooms, types } = setup.value as { therapists: Array<{ id: string }>; rooms: Array<{ id: string }>; types: Array<{ id: string }> };
// One visit a day from a day far ahead, numbered on from the visits already committed, so no two collide.
const booked = Number((await app.db('appointments').count({ n: '*' }))[0]!.n);
const dayAfter = (n: number) => new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
for (let i = 0; ; i++) {
  const p = await app.dispatch('patients.create', {
    patient: patientInput({ firstName: `Crash ${process.pid} ${i}`, lastName: 'Test', dateOfBirth: '1980-01-01' }),
    acknowledgeDuplicates: true,
  });
  if (!p.ok) throw new Error(p.error.message);
  const id = (p.value as { id: string }).id;
  say(`P ${id}`);
  // Not a commit: tells the parent a consent write (PDF, files, row) is starting now.
  say('S');
  const c = await app.dispatch('consent.sign', {
    patientId: id,
    kind: i % 2 ? 'treatment' : 'privacy',
    locale: i % 3 ? 'en-CA' : 'fr-CA',
    choices: i % 2 ? [] : ['phone'],
    templateVersion: 1,
    signature: { method: 'screen', imageBase64: signature, signerName: 'Crash Test' },
    explainedBy: 'Priya Natarajan, RMT',
    witnessedBy: '',
  });
  if (!c.ok) throw new Error(c.error.message);
  say(`C ${(c.value as { id: string }).id}`);
  const v = await app.dispatch('appointments.book', { patientId: id, therapistId: therapists[0]!.id, roomId: rooms[0]!.id, typeId: types[0]!.id, day: dayAfter(booked + i), start: '09:00' });
  if (!v.ok) throw new Error(v.error.message);
  const visit = (v.value as { id: string }).id;
  say(`V ${visit}`);
  if ((booked + i) % 2) continue;
  const x = await app.dispatch('appointments.cancel', { id: visit, reason: 'The patient called to cancel' });
  if (!x.ok) throw new Error(x.error.message);
  say(`X ${visit}`);
}
