/**
 * Look at the real screens without Electron: the built renderer in any browser, with
 * the real handlers and a real database behind it (the end-to-end tests' harness).
 *   RAPPORT_DATA_DIR=.data/demo npm run look
 * A development aid, not a product mode: loopback only, no sign-in, no Electron security.
 */
import path from 'node:path';
import { dataPaths } from '../main/app/paths';
import { startHarness } from '../tests/harness/server';
import { nodeApp } from '../tests/support/node-app';

const paths = dataPaths(path.resolve('.data/look'));
const app = await nodeApp({ dataDir: paths.root, log: (e) => console.log(`[ipc] ${e.channel} ${e.code}`) });
const harness = await startHarness({ dispatch: app.dispatch, rendererDir: 'dist/renderer', port: Number(process.env.PORT ?? 5178) });
console.log(`Rapport screens: ${harness.url}  (data: ${paths.root})  Ctrl+C to stop`);

const stop = async () => {
  await harness.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
