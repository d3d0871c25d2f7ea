import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempApp } from '../support/app';
import { nodeApp, startAs } from '../support/node-app';
import { patientInput } from '../support/fixtures';
import { verifyChain } from '../../main/audit/verify';
import { rowHash } from '../../main/audit/chain';
import type { AuditEntryView, ChainReportView } from '../../shared/contract/audit';

/**
 * The audit trail's hash chain, attacked the way someone with the database file would:
 * past the triggers, with plain SQL. Each change is found, at the row where it was made.
 */

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
  for (const firstName of ['Ana', 'Ben', 'Chloé', 'Dmitri']) await app.dispatch('patients.create', { patient: patientInput({ firstName, phones: [] , preferredContact: 'email' }) });
});
afterEach(async () => app?.cleanup());

const must = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
/** What an attacker with the file does first: take the triggers away. */
async function dropTriggers() {
  await app.db.raw('DROP TRIGGER audit_events_no_update');
  await app.db.raw('DROP TRIGGER audit_events_no_delete');
}
const seqOf = async (action: string, nth = 0) => (await app.db('audit_events').where({ action }).orderBy('seq').pluck('seq'))[nth] as number;

describe('the audit chain', () => {
  it('verifies an untouched trail', async () => {
    const { full } = await must<{ full: ChainReportView }>('audit.verify', {});
    const count = Number((await app.db('audit_events').count({ n: '*' }))[0].n);
    expect(full).toMatchObject({ ok: true, checked: count, firstBroken: null });
    expect(count).toBeGreaterThan(5);
  });

  it('finds a row altered past the triggers, at that row', async () => {
    const target = await seqOf('patient.created', 2);
    await dropTriggers();
    await app.db('audit_events').where({ seq: target }).update({ action: 'patient.viewed' });
    const { full } = await must<{ full: ChainReportView }>('audit.verify', {});
    expect(full).toMatchObject({ ok: false, firstBroken: { seq: target, problem: 'altered' }, checked: target - 1 });
  });

  it('finds a row altered with its own hash recomputed, at the row after it', async () => {
    const target = await seqOf('patient.created', 1);
    await dropTriggers();
    // A forger who knows the scheme rehashes the changed row: the next row's link breaks.
    const row = await app.db('audit_events').where({ seq: target }).first();
    const changed = { ...row, actor: null };
    await app.db('audit_events').where({ seq: target }).update({ actor: null, hash: rowHash(row.prev_hash, changed) });
    expect((await verifyChain(app.db)).firstBroken).toMatchObject({ seq: target + 1, problem: 'unlinked' });
  });

  it('finds a deleted row, at its place', async () => {
    const target = await seqOf('patient.created', 1);
    await dropTriggers();
    await app.db('audit_events').where({ seq: target }).delete();
    expect((await verifyChain(app.db)).firstBroken).toEqual({ seq: target, id: null, problem: 'missing' });
  });

  it('finds a row inserted with SQL, at that row', async () => {
    const last = (await app.db('audit_events').max({ m: 'seq' }))[0].m as number;
    const { hash } = await app.db('audit_events').where({ seq: last }).first('hash');
    // Linked to the real last row, but its own hash is made up: the content does not give it.
    await app.db('audit_events').insert({ seq: last + 1, id: 'forged-1', at: new Date().toISOString(), actor: null, action: 'patient.archived', entity: 'patient', entity_id: 'x', detail: '{}', prev_hash: hash, hash: 'a'.repeat(64) });
    expect((await verifyChain(app.db)).firstBroken).toEqual({ seq: last + 1, id: 'forged-1', problem: 'altered' });
  });

  it('finds a row inserted with no link at all, at that row', async () => {
    const last = (await app.db('audit_events').max({ m: 'seq' }))[0].m as number;
    await app.db('audit_events').insert({ id: 'forged-2', at: new Date().toISOString(), actor: null, action: 'patient.archived', entity: 'patient', entity_id: 'x', detail: '{}' });
    expect((await verifyChain(app.db)).firstBroken).toEqual({ seq: last + 1, id: 'forged-2', problem: 'unlinked' });
    // A new entry after it keeps its own link; the break stays where it was.
    await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Eve', phones: [], preferredContact: 'email' }) });
    expect((await verifyChain(app.db)).firstBroken).toMatchObject({ seq: last + 1 });
  });

  it('at start-up checks only the rows since the last check, and finds the tail cut off', async () => {
    const first = await app.services.audit.checkAtStartup();
    expect(first).toMatchObject({ ok: true });
    const checkpoint = JSON.parse((await app.db('app_state').where({ key: 'audit_checkpoint' }).first('value')).value) as { seq: number };
    await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Eve', phones: [], preferredContact: 'email' }) });
    const again = await app.services.audit.checkAtStartup();
    // Only the rows written since: the create, and its sign-in's neighbours.
    expect(again.ok).toBe(true);
    expect(again.checked).toBeLessThan(checkpoint.seq);

    // Someone deletes everything from the checkpoint on, triggers off; the app restarts.
    const saved = JSON.parse((await app.db('app_state').where({ key: 'audit_checkpoint' }).first('value')).value) as { seq: number };
    await dropTriggers();
    await app.db('audit_events').where('seq', '>=', saved.seq).delete();
    await app.close();
    app = { ...app, ...(await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings') })) };
    // What the admin's screens show on opening, without a full check.
    expect(await must<{ startup: ChainReportView }>('audit.status', {})).toMatchObject({ startup: { ok: false, firstBroken: { seq: saved.seq, problem: 'missing' } } });
    const { startup } = await must<{ startup: ChainReportView }>('audit.verify', {});
    expect(startup).toMatchObject({ ok: false, firstBroken: { seq: saved.seq, problem: 'missing' } });
    // Found, and said so in the trail itself.
    expect(await app.db('audit_events').where({ action: 'audit.chain_broken' }).first('entity_id')).toEqual({ entity_id: String(saved.seq) });
  });
});

describe('reading the trail', () => {
  it('filters by person, patient, action and day; reception sees its own entries only', async () => {
    const admin = (await app.services.session.current()).value!.user!;
    const zoe = await must<{ id: string }>('patients.create', { patient: patientInput({ firstName: 'Zoë' }) });
    await startAs(app, 'reception');
    await must('patients.get', { id: zoe.id });
    const mine = await must<{ entries: AuditEntryView[]; mineOnly: boolean }>('audit.list', {});
    expect(mine.mineOnly).toBe(true);
    expect(new Set(mine.entries.map((e) => e.actorName))).toEqual(new Set(['Marc Tremblay']));
    // Asking for someone else's entries gives nothing, not theirs.
    expect((await must<{ entries: AuditEntryView[] }>('audit.list', { staffId: admin.id })).entries).toEqual([]);

    await startAs(app, 'admin');
    const all = await must<{ entries: AuditEntryView[]; mineOnly: boolean }>('audit.list', { patientId: zoe.id });
    expect(all.mineOnly).toBe(false);
    expect(all.entries.map((e) => [e.action, e.actorName])).toEqual([
      ['patient.viewed', 'Marc Tremblay'],
      ['patient.created', 'Priya Natarajan, RMT'],
    ]);
    expect((await must<{ entries: AuditEntryView[] }>('audit.list', { action: 'patient.view' })).entries.map((e) => e.action)).toEqual(['patient.viewed']);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await must<{ entries: AuditEntryView[] }>('audit.list', { from: '2000-01-01', to: '2000-12-31' })).entries).toEqual([]);
    expect((await must<{ entries: AuditEntryView[] }>('audit.list', { from: day(2) })).entries).toEqual([]);
    expect((await must<{ entries: AuditEntryView[] }>('audit.list', { from: day(-1), to: day(1) })).entries.length).toBeGreaterThan(5);
    // No names of patients, no health details: ids and actions.
    expect(JSON.stringify(all.entries)).not.toMatch(/Zoë|Brien/);
  });

  it('exports CSV a spreadsheet cannot run as formulas', async () => {
    await app.services.staff.create({ name: '=HYPERLINK("x")', initials: 'HX', roles: ['reception'], secret: '123456' }, null);
    await app.services.session.signIn({ initials: 'HX', secret: '123456' });
    await startAs(app, 'admin');
    const out = await must<{ csv: string; fileName: string; rows: number }>('audit.export', {});
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,time_utc,actor_id,actor,action,entity,entity_id,detail');
    expect(lines).toHaveLength(out.rows + 1);
    expect(out.fileName).toMatch(/^rapport-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(out.csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(out.csv).not.toMatch(/,=HYPERLINK/);
    expect(await app.db('audit_events').orderBy('seq', 'desc').first('action')).toEqual({ action: 'audit.exported' });
  });
});
