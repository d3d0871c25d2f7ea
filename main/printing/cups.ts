import path from 'node:path';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Exec } from './exec';
import { chooseTarget } from './target';
import type { PrintJob, PrintOptions, PrinterInfo } from './types';
import { say } from '../../shared/messages';

/**
 * Printing on Linux and macOS through CUPS's own commands (lpstat, lp), the same on
 * both. The parsers are pure and tested on output recorded from a real CUPS
 * (tests/integration/printing.test.ts); the commands run through `exec`.
 */

/** `lpstat -e`: one destination a line; nothing at all when there is none or no scheduler. */
export function parseDestinations(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/\s/.test(line));
}

/** `lpstat -d`: "system default destination: Rapport_PDF", or "no system default destination". */
export function parseDefault(stdout: string): string | null {
  return /^system default destination:\s*(\S+)\s*$/m.exec(stdout)?.[1] ?? null;
}

/** `lp`: "request id is Rapport_PDF-12 (1 file(s))" gives "Rapport_PDF-12". */
export function parseRequestId(stdout: string): string | null {
  return /^request id is (\S+-\d+)\b/m.exec(stdout)?.[1] ?? null;
}

/** `lpstat -o`: one job a line, its id first ("Rapport_PDF-12  root  41984  Thu Nov …"). */
export function parseJobIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^(\S+-\d+)\s/.exec(line)?.[1])
    .filter((id): id is string => Boolean(id));
}

export async function cupsListPrinters(exec: Exec): Promise<Result<PrinterInfo[]>> {
  const names = await exec('lpstat', ['-e']);
  // CUPS not installed, or its scheduler stopped: there is nothing to print to, which the
  // screen says plainly; it is not a failure of the app.
  if (names.code !== 0) return ok([]);
  const destinations = parseDestinations(names.stdout);
  if (destinations.length === 0) return ok([]);
  const fallback = await exec('lpstat', ['-d']);
  const isDefault = parseDefault(fallback.stdout);
  return ok(destinations.map((name) => ({ name, isDefault: name === isDefault })));
}

/** Control characters out, and CUPS's 255-byte limit for a job name respected. */
function cleanTitle(title: string): string {
  return Array.from(title, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('').trim().slice(0, 127);
}

export async function cupsPrintPdf(file: string, options: PrintOptions, exec: Exec): Promise<Result<PrintJob>> {
  const printers = await cupsListPrinters(exec);
  if (!printers.ok) return printers;
  const chosen = chooseTarget(printers.value, options);
  if (!chosen.ok) return chosen;
  const { target, copies } = chosen.value;
  // An absolute path can never be mistaken for an option by lp.
  const absolute = path.resolve(file);
  const title = cleanTitle(options.jobName ?? path.basename(absolute, '.pdf')) || 'Rapport document';
  const r = await exec('lp', ['-d', target, '-n', String(copies), '-t', title, absolute]);
  const jobId = r.code === 0 ? parseRequestId(r.stdout) : null;
  if (jobId) return ok({ jobId, printer: target });
  const why = (r.stderr || r.stdout).trim().replace(/^lp: (Error - )?/i, '');
  if (/unable to access/i.test(why)) return err('not_found', say('printing.documentMissing', { reason: why }));
  return err('internal', say('printing.refused', { printer: target, reason: why || say('printing.noAnswer') }));
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** How to wait between two looks at the queue (tests pass one that returns at once). */
  sleep?: (ms: number) => Promise<void>;
}

export type JobOutcome = { jobId: string; state: 'completed' | 'no longer listed' };

/**
 * Waits until CUPS has finished with a job: it has left `lpstat -W not-completed` and is
 * listed by `lpstat -W completed` ("no longer listed" when CUPS keeps no history).
 */
export async function cupsWaitForJob(jobId: string, exec: Exec, options: WaitOptions = {}): Promise<Result<JobOutcome>> {
  const { timeoutMs = 60_000, intervalMs = 250, sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = options;
  const attempts = Math.max(1, Math.ceil(timeoutMs / intervalMs));
  for (let i = 0; i < attempts; i++) {
    const pending = await exec('lpstat', ['-W', 'not-completed', '-o']);
    if (pending.code !== 0 && pending.code !== 1) return err('internal', say('printing.cannotAsk', { job: jobId, reason: pending.stderr.trim() }));
    if (pending.code === 0 && !parseJobIds(pending.stdout).includes(jobId)) {
      const done = await exec('lpstat', ['-W', 'completed', '-o']);
      return ok({ jobId, state: parseJobIds(done.stdout).includes(jobId) ? 'completed' : 'no longer listed' });
    }
    // Exit 1 with "Scheduler is not running" is worth another look while it restarts.
    if (i < attempts - 1) await sleep(intervalMs);
  }
  return err('internal', say('printing.notFinished', { job: jobId, seconds: Math.round(timeoutMs / 1000) }));
}
