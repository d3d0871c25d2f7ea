import type { Result } from '../../shared/contract/result';
import { cupsListPrinters, cupsPrintPdf, cupsWaitForJob, type JobOutcome, type WaitOptions } from './cups';
import { execFileC, type Exec } from './exec';
import type { PrintJob, PrintOptions, Printer, PrinterInfo } from './types';
import { loadPdfToPrinter, windowsListPrinters, windowsPrintPdf, type PdfToPrinter } from './windows';

/**
 * Printing through the operating system: CUPS's commands on Linux and macOS, the
 * pdf-to-printer package on Windows (issue 3). Every side effect is a parameter with
 * the real thing as its default, so each path is tested without a printer.
 */

export type { Exec, ExecResult } from './exec';
export type { JobOutcome, WaitOptions } from './cups';
export type { PdfToPrinter } from './windows';
export { noPrinterMessage, type PrintJob, type PrintOptions, type Printer, type PrinterInfo } from './types';
export { execFileC };

export interface PrintSystem {
  platform: NodeJS.Platform;
  loadWindows: () => Promise<PdfToPrinter>;
}
const thisSystem: PrintSystem = { platform: process.platform, loadWindows: loadPdfToPrinter };

/** The printers the user may pick from; an empty list when there are none (or no CUPS). */
export async function listPrinters(exec: Exec = execFileC, system: PrintSystem = thisSystem): Promise<Result<PrinterInfo[]>> {
  return system.platform === 'win32' ? windowsListPrinters(await system.loadWindows()) : cupsListPrinters(exec);
}

/**
 * Sends a PDF to a printer, the default one unless `options.printer` names another.
 * Errors: `not_found` when there is no printer (with the "Open in PDF viewer" advice),
 * the named printer does not exist or the file is missing; `internal` when the system
 * refuses the job.
 */
export async function printPdf(file: string, options: PrintOptions = {}, exec: Exec = execFileC, system: PrintSystem = thisSystem): Promise<Result<PrintJob>> {
  return system.platform === 'win32' ? windowsPrintPdf(file, options, await system.loadWindows()) : cupsPrintPdf(file, options, exec);
}

/**
 * Waits until CUPS has finished a job printPdf started. On Windows pdf-to-printer returns
 * once the spooler has the job and gives no id to follow ("spooled"): nothing to wait for.
 */
export async function waitForJob(jobId: string, exec: Exec = execFileC, options: WaitOptions = {}): Promise<Result<JobOutcome>> {
  if (jobId === 'spooled') return { ok: true, value: { jobId, state: 'completed' } };
  return cupsWaitForJob(jobId, exec, options);
}

/** The operating system's printing as the handlers take it (`Printer`). */
export function systemPrinter(exec: Exec = execFileC, system: PrintSystem = thisSystem): Printer {
  return {
    list: () => listPrinters(exec, system),
    print: (file: string, options: PrintOptions) => printPdf(file, options, exec, system),
  };
}
