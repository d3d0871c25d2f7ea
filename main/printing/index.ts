import { execFile } from 'node:child_process';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Printer } from '../consent/handlers';

/**
 * Printing through the operating system: CUPS's own commands on Linux and macOS,
 * the maintained pdf-to-printer package on Windows. The commands are run through
 * `exec`, passed in, so the parsing is tested on recorded output.
 */
export type Exec = (file: string, args: string[]) => Promise<{ stdout: string; stderr: string; code: number }>;

const run: Exec = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
  });

const noPrinter = 'No printer is set up on this computer. Use “Open in PDF viewer” instead.';

/** `lpstat -e` lists destinations one a line; `lpstat -d` names the default, if any. */
export function parsePrinters(list: string, defaultLine: string): Array<{ name: string; isDefault: boolean }> {
  const fallback = /:\s*(\S+)\s*$/.exec(defaultLine.trim())?.[1] ?? null;
  const isDefault = defaultLine.includes('no system default') ? null : fallback;
  return list
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((name) => ({ name, isDefault: name === isDefault }));
}

/** "request id is Rapport_PDF-12 (1 file(s))" → "Rapport_PDF-12". */
export function parseJobId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

export function cupsPrinter(exec: Exec = run): Printer {
  async function list(): Promise<Result<Array<{ name: string; isDefault: boolean }>>> {
    const names = await exec('lpstat', ['-e']);
    if (names.code === 127) return err('not_found', 'Printing is not available: CUPS is not installed on this computer.');
    const def = await exec('lpstat', ['-d']);
    return ok(names.code === 0 ? parsePrinters(names.stdout, def.stdout) : []);
  }
  return {
    list,
    async print(file, { printer, jobName }) {
      const printers = await list();
      if (!printers.ok) return printers;
      if (printers.value.length === 0) return err('not_found', noPrinter);
      const target = printer ?? printers.value.find((p) => p.isDefault)?.name ?? printers.value[0].name;
      if (!printers.value.some((p) => p.name === target)) return err('not_found', `The printer “${target}” is not set up on this computer.`, { printer: 'Choose a printer from the list' });
      const r = await exec('lp', ['-d', target, '-t', jobName, '--', file]);
      const jobId = r.code === 0 ? parseJobId(r.stdout) : null;
      if (!jobId) return err('internal', `The printer “${target}” did not accept the job: ${r.stderr.trim() || 'no answer from CUPS'}`);
      return ok({ jobId, printer: target });
    },
  };
}

/** Windows: pdf-to-printer drives the Windows print spooler (it ships its own PDF printing helper). */
export function windowsPrinter(): Printer {
  const load = () => import('pdf-to-printer');
  return {
    async list() {
      const lib = await load();
      const [printers, def] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter().catch(() => null)]);
      return ok(printers.map((p) => ({ name: p.name, isDefault: p.name === def?.name })));
    },
    async print(file, { printer }) {
      const lib = await load();
      const printers = await lib.getPrinters();
      if (printers.length === 0) return err('not_found', noPrinter);
      try {
        await lib.print(file, printer ? { printer } : {});
        return ok({ jobId: 'spooled', printer: printer ?? (await lib.getDefaultPrinter())?.name ?? 'default' });
      } catch (e) {
        return err('internal', `Windows did not accept the print job: ${e instanceof Error ? e.message : 'unknown error'}`);
      }
    },
  };
}

export function systemPrinter(): Printer {
  return process.platform === 'win32' ? windowsPrinter() : cupsPrinter();
}
