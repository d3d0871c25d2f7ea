// Bundles the Electron main process and the preload with esbuild.
// Run from the repository root: `npm run build:main`.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/main');

await rm(outdir, { recursive: true, force: true });

const main = await build({
  absWorkingDir: root,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/main/main.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  // Electron 45 ships Node 22.
  target: 'node22',
  // Dependencies load from node_modules at run time: sqlite3 is native, knex picks its
  // driver with a dynamic require, and electron-store must see the real 'electron'.
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  // esbuild's ESM output calls a `require` shim for any CommonJS require it keeps;
  // in an ES module there is none unless we make one.
  banner: { js: "import { createRequire as __rapportCreateRequire } from 'node:module';\nconst require = __rapportCreateRequire(import.meta.url);" },
});

const preload = await build({
  absWorkingDir: root,
  entryPoints: ['main/electron/preload.ts'],
  outfile: 'dist/main/preload.cjs',
  bundle: true,
  // Sandboxed preloads cannot be ES modules and can require only 'electron'.
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

// A sandboxed preload that requires anything else fails at run time, in the window,
// where nobody is looking; fail the build instead.
const preloadImports = Object.values(preload.metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((imported) => imported.external)
  .map((imported) => imported.path);
const stray = preloadImports.filter((name) => name !== 'electron');
if (stray.length > 0) {
  console.error(`preload.cjs may import only 'electron', but imports: ${stray.join(', ')}`);
  process.exit(1);
}

const size = (result) => Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map'))
  .map(([file, output]) => `${file} ${(output.bytes / 1024).toFixed(1)} kB`);
console.log([...size(main), ...size(preload)].join('\n'));
