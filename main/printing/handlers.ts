import type { Handlers } from '../ipc/dispatcher';
import { ok } from '../../shared/contract/result';
import type { Printer } from './types';

export function printingHandlers(printer: Printer): Pick<Handlers, 'printing.printers'> {
  return {
    'printing.printers': async () => {
      const list = await printer.list();
      return list.ok ? ok({ printers: list.value }) : list;
    },
  };
}
