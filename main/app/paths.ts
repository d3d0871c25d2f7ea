import path from 'node:path';

/**
 * Where a clinic's data lives. Defaults to Electron's userData folder; RAPPORT_DATA_DIR
 * moves it (tests, and clinics that keep data on another local disk).
 */
export function dataPaths(defaultDir: string, env: Record<string, string | undefined> = process.env) {
  const root = path.resolve(env.RAPPORT_DATA_DIR || defaultDir);
  return {
    root,
    database: path.join(root, 'rapport.sqlite3'),
    /** Signed PDFs and scans, named by id, never by patient name. */
    documents: path.join(root, 'documents'),
    /** Clinic assets such as the letterhead logo. */
    assets: path.join(root, 'assets'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
