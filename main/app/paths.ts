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
    /** The clinic profile and settings, electron-store's file (settingsStoreOptions). */
    settings: path.join(root, 'settings.json'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;

/**
 * electron-store's options for settings.json (the same options as `conf`, which it is
 * built on): beside the database, so one folder holds everything a backup needs, and
 * created readable by this account only.
 */
export function settingsStoreOptions(paths: DataPaths) {
  return { name: 'settings', cwd: paths.root, configFileMode: 0o600 } as const;
}
