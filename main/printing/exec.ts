import { execFile } from 'node:child_process';

/** What running a command gave: 127 when the command does not exist, as in a shell. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}
export type Exec = (file: string, args: string[]) => Promise<ExecResult>;

/**
 * node:child_process execFile, never rejecting. The C locale because CUPS translates its
 * messages: on a French desktop `lp` answers "l'identifiant de requête est …", and the
 * parsing in cups.ts reads the English words.
 */
export const execFileC: Exec = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 30_000, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }, (error, stdout, stderr) => {
      let code = 0;
      if (error) {
        const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
        code = e.code === 'ENOENT' ? 127 : typeof e.code === 'number' ? e.code : e.killed ? 124 : 1;
      }
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
  });
