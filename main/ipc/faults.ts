import { err, type Err } from '../../shared/contract/result';
import { say } from '../../shared/messages';

/**
 * Faults of the computer while Rapport runs (issue 10.4), by the code Node's file calls
 * (`ENOSPC`, …) or SQLite (`SQLITE_BUSY`, …) put on the error, turned into a code the
 * screen can explain. Every write is a transaction, or a file written whole then named
 * (main/files/atomic.ts), and a failed consent removes its files: so each message can
 * say that nothing was saved, and what to do next.
 */
const faults: Array<{ codes: string[]; error: Err }> = [
  {
    codes: ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'],
    error: err('disk_full', say('fault.diskFull')),
  },
  {
    codes: ['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY'],
    error: err('read_only', say('fault.readOnly')),
  },
  {
    codes: ['SQLITE_BUSY', 'SQLITE_LOCKED', 'EBUSY'],
    error: err('busy', say('fault.busy')),
  },
  {
    codes: ['ENOENT', 'ENOTDIR'],
    error: err('missing_folder', say('fault.missingFolder')),
  },
  {
    codes: ['EIO', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN'],
    error: err('storage', say('fault.storage')),
  },
];

/** The fault this error reports, or null when it is none of these (then it is our bug: `internal`). */
export function faultOf(e: unknown): Err | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLite's extended codes (SQLITE_IOERR_WRITE…) carry the primary code first.
  return faults.find((f) => f.codes.some((c) => code === c || code.startsWith(`${c}_`)))?.error ?? null;
}
