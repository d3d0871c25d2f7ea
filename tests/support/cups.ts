import { readFile } from 'node:fs/promises';
import os from 'node:os';

/** Where cups-pdf writes for this user: its `Out` setting, as setup-cups.sh sets it. */
export async function cupsOutputFolder(): Promise<string> {
  const { username, homedir } = os.userInfo();
  const conf = await readFile('/etc/cups/cups-pdf.conf', 'utf8').catch(() => '');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '/var/spool/cups-pdf/${USER}';
  return out.replace('${USER}', username).replace('${HOME}', homedir);
}
