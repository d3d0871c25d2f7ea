import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF as poppler reads it, pages separated by form feeds. */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** qpdf's structural check; throws with qpdf's own words when the file is broken. */
export async function qpdfCheck(file: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--check', file]);
  return stdout;
}
