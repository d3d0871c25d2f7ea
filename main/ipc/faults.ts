import { err, type Err } from '../../shared/contract/result';

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
    error: err('disk_full', 'The disk that holds Rapport’s data is full, so nothing was saved. Free some space on it (empty the recycle bin, move old files), then try again.'),
  },
  {
    codes: ['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY'],
    error: err('read_only', 'Rapport’s data folder cannot be written to (the disk or share is read-only, or its permissions changed), so nothing was saved. Ask whoever looks after this computer to make the folder writable again, then try again.'),
  },
  {
    codes: ['SQLITE_BUSY', 'SQLITE_LOCKED', 'EBUSY'],
    error: err('busy', 'The database is in use by another program (a backup or another copy of Rapport), so nothing was saved. Wait a moment and try again; if it keeps happening, close the other program.'),
  },
  {
    codes: ['ENOENT', 'ENOTDIR'],
    error: err('missing_folder', 'A folder inside Rapport’s data folder (the documents or the logo folder) is missing: it may have been moved or deleted. Nothing was saved. Put the folder back, or restore the last backup.'),
  },
  {
    codes: ['EIO', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN'],
    error: err('storage', 'The disk reported an error while Rapport read or wrote its data, so nothing was saved. Restart Rapport; if it happens again, have the disk checked and restore the last backup.'),
  },
];

/** The fault this error reports, or null when it is none of these (then it is our bug: `internal`). */
export function faultOf(e: unknown): Err | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLite's extended codes (SQLITE_IOERR_WRITE…) carry the primary code first.
  return faults.find((f) => f.codes.some((c) => code === c || code.startsWith(`${c}_`)))?.error ?? null;
}
