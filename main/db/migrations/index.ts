import type { Knex } from 'knex';
import * as m001 from './001_patients';
import * as m002 from './002_audit';
import * as m003 from './003_consent';
import * as m004 from './004_app_state';
import * as m005 from './005_plain_search';
import * as m006 from './006_consent_signer';
import * as m007 from './007_staff';
import * as m008 from './008_audit_no_replace';
import * as m009 from './009_appointments';
import * as m010 from './010_intake';
import * as m011 from './011_followups';
import * as m012 from './012_checkin';
import * as m013 from './013_checklist';
import * as m014 from './014_dashboard';
import * as m015 from './015_alliance_summaries';
import * as m016 from './016_one_visits_index';
import * as m017 from './017_search_later_words';
import * as m018 from './018_dashboard_totals';

export interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/**
 * Migrations are bundled into main, so knex cannot find them on disk: this list is
 * the source. Append only; a shipped migration is never edited.
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001_patients', m001],
  ['002_audit', m002],
  ['003_consent', m003],
  ['004_app_state', m004],
  ['005_plain_search', m005],
  ['006_consent_signer', m006],
  ['007_staff', m007],
  ['008_audit_no_replace', m008],
  ['009_appointments', m009],
  ['010_intake', m010],
  ['011_followups', m011],
  ['012_checkin', m012],
  ['013_checklist', m013],
  ['014_dashboard', m014],
  ['015_alliance_summaries', m015],
  ['016_one_visits_index', m016],
  ['017_search_later_words', m017],
  ['018_dashboard_totals', m018],
];

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => migrations.map(([name]) => name),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const found = migrations.find(([n]) => n === name);
    if (!found) throw new Error(`Unknown migration ${name}`);
    return found[1];
  },
};

export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

/** For tests of one migration: bring a database to `name` and stop there. */
export async function migrateUpTo(db: Knex, name: string): Promise<void> {
  const index = migrations.findIndex(([n]) => n === name);
  if (index < 0) throw new Error(`Unknown migration ${name}`);
  for (let i = 0; i <= index; i++) {
    const [, pending] = await db.migrate.list({ migrationSource });
    if (!(pending as string[]).includes(migrations[i][0])) continue;
    await db.migrate.up({ migrationSource, name: migrations[i][0] });
  }
}
