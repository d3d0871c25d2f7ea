import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nodeApp } from '../support/node-app';

/**
 * Issue 12, item 2: a process killed (SIGKILL: no handler, no cleanup) in the middle of a
 * settings change leaves the change and its audit entry both, or neither, once Rapport
 * starts again. The child freezes at the exact point named, or loops and is killed at a
 * random moment; then a fresh app opens the same folder and both sides are compared.
 */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dataDir = () => path.join(dir, 'data');
const settingsDir = () => path.join(dir, 'settings');

/** Starts the child; resolves once it printed `until`, then kills it with SIGKILL (after `delayMs`). */
function runAndKill(stop: string, until: string, delayMs = 0): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/crash-child.ts'), dataDir(), settingsDir(), stop], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`${until}\n`)) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child ended ${code} ${signal}: ${out} ${errors}`))));
  });
}

/** After the crash: what a restarted Rapport holds, on both sides. */
async function afterRestart() {
  const app = await nodeApp({ dataDir: dataDir(), settingsDir: settingsDir() });
  try {
    const policy = await app.dispatch('settings.consentPolicy', {});
    if (!policy.ok) throw new Error(policy.error.message);
    const entries = (await app.db('audit_events').where({ action: 'settings.consent_rules_changed' }).count({ n: '*' })) as Array<{ n: number }>;
    return { renewalMonths: (policy.value as { renewalMonths: number }).renewalMonths, audited: Number(entries[0].n) };
  } finally {
    await app.close();
  }
}

describe('SIGKILL during a settings change', () => {
  it('frozen after the audit entry, before the settings file is written: both are there after a restart', async () => {
    expect(await runAndKill('before-write', 'FROZEN')).toContain('READY');
    expect(await afterRestart()).toEqual({ renewalMonths: 1, audited: 1 });
  });

  it('frozen after the settings file is written, before the change is finished: both are there after a restart', async () => {
    await runAndKill('after-write', 'FROZEN');
    expect(await afterRestart()).toEqual({ renewalMonths: 1, audited: 1 });
  });

  it('killed at random moments of a run of changes: the file holds exactly the last audited change', async () => {
    // Change i sets i months: n audited changes must leave n months (none: the default, 12).
    for (const delayMs of [0, 7, 23, 61]) {
      await runAndKill('loop', 'READY', delayMs);
      const { renewalMonths, audited } = await afterRestart();
      expect(renewalMonths, `killed ${delayMs} ms in, after ${audited} audited changes`).toBe(audited === 0 ? 12 : audited);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
