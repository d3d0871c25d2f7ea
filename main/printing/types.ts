import type { Result } from '../../shared/contract/result';
import { say } from '../../shared/messages';

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

export interface PrintOptions {
  /** A name from listPrinters(); the default printer when absent. */
  printer?: string;
  copies?: number;
  /**
   * The job's title. CUPS writes it to its logs and shows it to anyone who lists the
   * queue, so it must never carry a patient's name: use the document id (the default
   * is the file's name, and documents are named by id).
   */
  jobName?: string;
}

export interface PrintJob {
  /** CUPS's id ("Rapport_PDF-12"); on Windows the spooler gives none back: "spooled". */
  jobId: string;
  printer: string;
}

export const noPrinterMessage = say('printing.noPrinter');

/** The operating system's printing as the handlers use it: systemPrinter() in the app, a stand-in in tests. */
export interface Printer {
  list(): Promise<Result<PrinterInfo[]>>;
  print(file: string, options: PrintOptions): Promise<Result<PrintJob>>;
}
