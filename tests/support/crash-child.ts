/**
 * A Rapport that a test kills with SIGKILL in the middle of changing settings
 * (tests/integration/crash-settings.test.ts). Run with tsx:
 *   crash-child.ts <dataDir> <settingsDir> <stop>
 * stop = 'before-write': freeze just before the settings file is written;
 *        'after-write':  freeze just after it is written;
 *        'loop':         never freeze, change the rules again and again (killed at a random moment).
 * Change i sets renewalMonths = i, so the file and the audit trail can be compared after.
 * It prints 'FROZEN' when frozen, so the test kills it exactly there.
 */
import { writeSync } from 'node:fs';
import Conf from 'conf';
import { nodeApp } from './node-app';

const [dataDir, settingsDir, stop] = process.argv.slice(2);
const conf = new Conf({ cwd: settingsDir, projectName: 'rapport' });
const freeze = () => {
  writeSync(1, 'FROZEN\n');
  // Blocks the only thread: nothing after this line ever runs; the test's SIGKILL ends it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
const store = {
  get: (key: string) => conf.get(key),
  delete: (key: string) => conf.delete(key),
  set(key: string, value: unknown) {
    if (key === 'consentPolicy' && stop === 'before-write') freeze();
    conf.set(key, value);
    if (key === 'consentPolicy' && stop === 'after-write') freeze();
  },
  path: conf.path,
  // The whole file, as backups read and restore it.
  get store() {
    return conf.store;
  },
  set store(values: Record<string, unknown>) {
    conf.store = values;
  },
};
const app = await nodeApp({ dataDir, settingsDir, store });
writeSync(1, 'READY\n');
for (let i = 1; i <= 120; i++) {
  const r = await app.dispatch('settings.updateConsentPolicy', { sensitiveAreaFrequency: 'every_visit', renewalMonths: i });
  if (!r.ok) throw new Error(r.error.message);
  if (stop !== 'loop') break;
}
writeSync(1, 'DONE\n');
await app.close();
