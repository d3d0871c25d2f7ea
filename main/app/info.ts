import type { Knex } from 'knex';
import type { Handlers } from '../ipc/dispatcher';
import { ok } from '../../shared/contract/result';

/** What the About box shows: the version, where the data is, how many patients it holds. */
export function appInfoHandlers(db: Knex, info: { version: string; dataDirectory: string }): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => {
      const [{ n }] = await db('patients').count({ n: '*' });
      return ok({ version: info.version, dataDirectory: info.dataDirectory, patientCount: Number(n) });
    },
  };
}
