import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrations';
import { createDispatcher, type DispatchLogEntry, type Handlers } from '../ipc/dispatcher';
import { createPatientService } from '../patients/service';
import { createSettingsService, type KeyValueStore } from '../settings/service';
import type { DataPaths } from './paths';

export interface AppDeps {
  paths: DataPaths;
  store: KeyValueStore;
  version: string;
  now?: () => Date;
  newId?: () => string;
  log?: (entry: DispatchLogEntry) => void;
}

/**
 * Builds everything behind the IPC contract from its side effects. Electron's main,
 * the browser harness, the tests and the benchmark all start here, so they run the
 * same handlers; only the transport in front differs.
 */
export async function createApp({ paths, store, version, now = () => new Date(), newId = randomUUID, log = () => {} }: AppDeps) {
  await mkdir(paths.root, { recursive: true });
  await mkdir(paths.documents, { recursive: true });
  const db = openDatabase(paths.database);
  await migrateToLatest(db);

  const patients = createPatientService({ db, now, newId });
  const settings = createSettingsService({ store, assetsDir: paths.assets });

  const handlers: Handlers = {
    'patients.search': patients.search,
    'patients.get': patients.get,
    'patients.findDuplicates': patients.findDuplicates,
    'patients.create': patients.create,
    'patients.update': patients.update,
    'patients.archive': patients.archive,
    'patients.restore': patients.restore,
    'settings.get': settings.get,
    'settings.update': settings.update,
    'settings.setLogo': settings.setLogo,
    'settings.removeLogo': settings.removeLogo,
    'app.info': async () => {
      const [{ n }] = await db('patients').count({ n: '*' });
      return { ok: true, value: { version, dataDirectory: paths.root, patientCount: Number(n) } };
    },
  };

  return {
    db,
    services: { patients, settings },
    dispatch: createDispatcher(handlers, log),
    close: () => db.destroy(),
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
