/**
 * The child that the crash test kills (crash-consent-kills.test.ts): it opens the app on
 * the data folder it is given, then registers patients and records signed consents (PDF,
 * signature image and row) as fast as it can, printing each id only once its commit
 * has returned. The parent kills it with SIGKILL at random moments.
 */
import { nodeApp } from '../support/node-app';
import { patientInput } from '../support/fixtures';
import { sampleSignaturePng } from '../support/consent-sample';

const [dataDir, settingsDir] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const app = await nodeApp({ dataDir, settingsDir, version: '0.0.0-crash' });
say('ready');
const signature = sampleSignaturePng().toString('base64');
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
}
