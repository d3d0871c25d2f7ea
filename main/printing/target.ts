import { err, ok, type Result } from '../../shared/contract/result';
import { noPrinterMessage, type PrintOptions, type PrinterInfo } from './types';

/**
 * Where a job goes and how many copies, by the same rules on CUPS and on Windows: the
 * printer asked for, else the system's default, else the first one there is.
 */
export function chooseTarget(printers: PrinterInfo[], options: PrintOptions): Result<{ target: string; copies: number }> {
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) return err('invalid_input', 'Print between 1 and 99 copies.', { copies: 'Choose 1 to 99 copies' });
  if (printers.length === 0) return err('not_found', noPrinterMessage);
  const target = options.printer ?? printers.find((p) => p.isDefault)?.name ?? printers[0].name;
  if (!printers.some((p) => p.name === target)) {
    return err('not_found', `The printer "${target}" is not set up on this computer.`, { printer: 'Choose a printer from the list' });
  }
  return ok({ target, copies });
}
