// Electronegativity over the app's sources (issue 10, item 7). Its exit code is 0 even
// with findings, so the SARIF it writes is read here: every finding must be explained in
// security/electronegativity-allow.json (rule and file), or this fails `npm test`.
// Only the sources are scanned (main/ and renderer/, copied side by side so the CSP in
// renderer/index.html is seen); node_modules is outside its purpose and would take minutes.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scan = mkdtempSync(path.join(os.tmpdir(), 'rapport-electronegativity-'));
try {
  for (const dir of ['main', 'renderer']) cpSync(path.join(root, dir), path.join(scan, dir), { recursive: true });
  const electron = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const sarif = path.join(scan, 'findings.sarif');
  const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  // -s medium: findings above low. It tries the network for translations and release lists; offline it says so and carries on.
  execFileSync(process.execPath, [bin, '-i', scan, '-o', sarif, '-r', '-v', 'false', '-e', electron, '-s', 'medium'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results;
  const { allow } = JSON.parse(readFileSync(path.join(root, 'security/electronegativity-allow.json'), 'utf8'));
  const findings = results.map((r) => ({ ruleId: r.ruleId, file: r.locations[0].physicalLocation.artifactLocation.uri, line: r.locations[0].physicalLocation.region?.startLine, text: r.message.text }));
  const unexplained = findings.filter((f) => !allow.some((a) => a.ruleId === f.ruleId && a.file === f.file));
  const stale = allow.filter((a) => !findings.some((f) => f.ruleId === a.ruleId && f.file === a.file));
  console.log(`Electronegativity ${electron}: ${findings.length} finding(s) above low, ${findings.length - unexplained.length} explained in security/electronegativity-allow.json`);
  for (const f of unexplained) console.error(`UNEXPLAINED ${f.ruleId} ${f.file}:${f.line}: ${f.text}`);
  // An allow-list entry nothing matches any more is removed, so the list stays a reviewed one.
  for (const a of stale) console.error(`STALE allow-list entry (no such finding now): ${a.ruleId} ${a.file}`);
  if (unexplained.length || stale.length) process.exit(1);
} finally {
  rmSync(scan, { recursive: true, force: true });
}
