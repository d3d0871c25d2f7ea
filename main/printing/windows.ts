import { err, ok, type Result } from '../../shared/contract/result';
import { chooseTarget } from './target';
import type { PrintJob, PrintOptions, PrinterInfo } from './types';
import { say } from '../../shared/messages';

/**
 * Windows: the maintained pdf-to-printer package, which hands the file to the Windows
 * spooler through the SumatraPDF it ships. Loaded only on Windows, and passed in so the
 * mapping is tested anywhere.
 */
export type PdfToPrinter = Pick<typeof import('pdf-to-printer'), 'getPrinters' | 'getDefaultPrinter' | 'print'>;

export async function loadPdfToPrinter(): Promise<PdfToPrinter> {
  const mod = await import('pdf-to-printer');
  // A CommonJS bundle: its functions may sit on the namespace or on its default export.
  return 'getPrinters' in mod && typeof mod.getPrinters === 'function' ? mod : (mod as unknown as { default: PdfToPrinter }).default;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error');

export async function windowsListPrinters(lib: PdfToPrinter): Promise<Result<PrinterInfo[]>> {
  try {
    const [printers, fallback] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter().catch(() => null)]);
    return ok(printers.map((p) => ({ name: p.name, isDefault: p.name === fallback?.name })));
  } catch (e) {
    return err('internal', say('printing.windowsList', { reason: reason(e) }));
  }
}

export async function windowsPrintPdf(file: string, options: PrintOptions, lib: PdfToPrinter): Promise<Result<PrintJob>> {
  const printers = await windowsListPrinters(lib);
  if (!printers.ok) return printers;
  const chosen = chooseTarget(printers.value, options);
  if (!chosen.ok) return chosen;
  const { target, copies } = chosen.value;
  try {
    // The spooler shows the file's name as the job's title; documents are named by id.
    await lib.print(file, { printer: target, copies, silent: true });
    return ok({ jobId: 'spooled', printer: target });
  } catch (e) {
    return err('internal', say('printing.windowsRefused', { reason: reason(e) }));
  }
}
