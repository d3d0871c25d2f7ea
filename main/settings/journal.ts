import type { Knex } from 'knex';
import type { Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import type { KeyValueStore } from './service';

/** The app_state row that holds settings writes whose audit entry is committed but which may not be on disk yet. */
const pendingKey = 'settings_pending';

type Write = { key: string; value: unknown } | { key: string; deleted: true };

/**
 * Settings live in electron-store (a JSON file), the audit log in SQLite: no single
 * transaction spans both (issue 12, item 2). So a change is journaled, roll-forward:
 *
 * 1. the handler runs against a buffer: its writes are collected, not yet made;
 * 2. ONE SQLite transaction appends the audit entry and saves the collected writes as
 *    a pending marker;
 * 3. the writes go to the settings file, then the marker is removed.
 *
 * A crash before 2 commits leaves neither the entry nor the change. A crash after it
 * leaves the marker, and the next start (or the next change) writes it to the settings
 * file again, which is harmless if it had already been written: so the entry and the
 * change are both there, or neither. Writes to the file are idempotent puts, which is
 * what makes replaying them safe.
 *
 * If the settings file cannot be written at step 3 (a full disk), the caller gets an
 * error but the marker stays, and the change is completed at the next start or change:
 * the audit entry never names a change that is not eventually made. The logo's image
 * file is written by the settings service before step 1, outside this journal.
 *
 * The marker holds setting values (clinic profile, consent rules, the PIN's salted
 * hash), never patient data, for the moment between steps 2 and 3.
 */
export function settingsJournal({ db, store, newId, now }: { db: Knex; store: KeyValueStore; newId: () => string; now: () => Date }) {
  let buffer: Map<string, Write> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** What the settings service reads and writes: the file, seen through the change in progress. */
  const view: KeyValueStore = {
    get(key) {
      const write = buffer?.get(key);
      if (!write) return store.get(key);
      return 'deleted' in write ? undefined : write.value;
    },
    set(key, value) {
      if (buffer) buffer.set(key, { key, value });
      else store.set(key, value);
    },
    delete(key) {
      if (buffer) buffer.set(key, { key, deleted: true });
      else store.delete(key);
    },
  };

  function apply(writes: Write[]): void {
    for (const w of writes) {
      if ('deleted' in w) store.delete(w.key);
      else store.set(w.key, w.value);
    }
  }

  /** Finishes a change a crash interrupted after its audit entry was committed. */
  async function reconcile(): Promise<void> {
    const row = (await db('app_state').where({ key: pendingKey }).first('value')) as { value: string } | undefined;
    if (!row) return;
    apply(JSON.parse(row.value) as Write[]);
    await db('app_state').where({ key: pendingKey }).delete();
  }

  /** Runs one settings handler as a journaled change with its audit entry; one change at a time. */
  function change<O>(action: string, run: () => Promise<Result<O>>): Promise<Result<O>> {
    const turn = queue.then(async () => {
      await reconcile();
      buffer = new Map();
      let writes: Write[];
      let result: Result<O>;
      try {
        result = await run();
        writes = [...buffer.values()];
      } finally {
        buffer = null;
      }
      if (!result.ok) return result;
      const at = now().toISOString();
      await db.transaction(async (trx) => {
        await appendAudit(trx, newId, { at, action, entity: 'settings', entityId: 'clinic', detail: { keys: writes.map((w) => w.key) } });
        await trx('app_state').insert({ key: pendingKey, value: JSON.stringify(writes), updated_at: at }).onConflict('key').merge();
      });
      apply(writes);
      await db('app_state').where({ key: pendingKey }).delete();
      return result;
    });
    queue = turn.catch(() => undefined);
    return turn;
  }

  return { store: view, reconcile, change };
}
