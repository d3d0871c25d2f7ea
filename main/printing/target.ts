import { err, ok, type Result } from '../../shared/contract/result';
import { noPrinterMessage, type PrintOptions, type PrinterInfo } from './types';
import { say } from '../../shared/messages';

/**
 * Where a job goes and how many copies, by the same rules on CUPS and on Windows: the
 * printer asked for, else the system's default, else the first one there is.
 */
export function chooseTarget(printers: PrinterInfo[], options: PrintOptions): Result<{ target: string; copies: number }> {
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) return err('invalid_input', say('printing.copies'), { copies: say('printing.copiesField') });
  if (printers.length === 0) return err('not_found', noPrinterMessage);
  const target = options.printer ?? printers.find((p) => p.isDefault)?.name ?? printers[0].name;
  if (!printers.some((p) => p.name === target)) {
    return err('not_found', say('printing.unknownPrinter', { printer: target }), { printer: say('printing.choosePrinter') });
  }
  return ok({ target, copies });
}
