// Electron 45 no longer downloads its binary at install time but on first launch.
// A clinic PC may have no internet by then, so `npm ci` fetches it now, unless
// ELECTRON_SKIP_BINARY_DOWNLOAD is set (CI and build machines without that download).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Electron binary not fetched: ELECTRON_SKIP_BINARY_DOWNLOAD is set.');
  process.exit(0);
}
const require = createRequire(import.meta.url);
const installer = require.resolve('electron/install.js');
const { status } = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
process.exit(status ?? 1);
