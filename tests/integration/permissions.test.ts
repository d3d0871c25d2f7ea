import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { channels, contract, type Channel } from '../../shared/contract';
import { roles, type Role } from '../../shared/contract/staff';
import { permissions } from '../../main/ipc/permissions';
import { tempApp } from '../support/app';
import { startAs, testPin } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * The permission matrix, walked: every channel for every role, and for nobody signed in
 * and a locked screen. A call is sent with an input no schema accepts (null), so an
 * allowed channel answers `invalid_input` from its parser and a refused one answers
 * before parsing; nothing runs either way, and nothing on disk moves.
 */

type Who = Role | 'signed-out' | 'locked';
let app: Awaited<ReturnType<typeof tempApp>>;

async function snapshot(): Promise<string> {
  const tables = (await app.db('sqlite_master').where({ type: 'table' }).orderBy('name').pluck('name')) as string[];
  const rows: Record<string, unknown[]> = {};
  for (const t of tables) rows[t] = ((await app.db.select('*').from(t)) as unknown[]).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify(rows);
}

async function become(who: Who) {
  if (who === 'signed-out') {
    await app.services.session.signOut();
  } else if (who === 'locked') {
    await startAs(app, 'admin');
    await app.services.session.lock('manual');
  } else {
    await startAs(app, who);
  }
}

const expected = (channel: Channel, who: Who): 'allowed' | 'forbidden' | 'locked' => {
  const rule = permissions[channel];
  if (rule === 'public') return 'allowed';
  if (who === 'signed-out' || who === 'locked') return 'locked';
  return rule.includes(who) ? 'allowed' : 'forbidden';
};

beforeAll(async () => {
  app = await tempApp();
  await app.services.settings.update(clinicProfile());
  await app.dispatch('patients.create', { patient: patientInput() });
});
afterAll(async () => app?.cleanup());

describe('the permission matrix', () => {
  it('has an entry for every channel of the contract, and none for a channel that is not', () => {
    expect(Object.keys(permissions).sort()).toEqual([...channels].sort());
    for (const c of channels) {
      const rule = permissions[c];
      expect(rule === 'public' || (rule.length > 0 && rule.every((r) => (roles as readonly string[]).includes(r))), c).toBe(true);
    }
  });

  it('opens only sign-in, first run and the patient-mode screen to nobody signed in', () => {
    const open = channels.filter((c) => permissions[c] === 'public').sort();
    expect(open).toEqual(['patientMode.current', 'patientMode.exit', 'session.current', 'session.people', 'session.signIn', 'setup.createFirstAdmin']);
  });

  it.each(['admin', 'therapist', 'reception', 'signed-out', 'locked'] as const)('is what main enforces for %s, on every channel, changing nothing', async (who) => {
    await become(who);
    const before = await snapshot();
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const channel of channels) {
      const r = await app.dispatch(channel, null);
      expect(r.ok, channel).toBe(false);
      const code = r.ok ? 'ok' : r.error.code;
      seen[channel] = code === 'invalid_input' ? 'allowed' : code;
      want[channel] = expected(channel, who);
    }
    expect(seen).toEqual(want);
    expect(await snapshot()).toBe(before);
  });

  it('refuses real writes, well formed, while locked or signed out, and changes nothing', async () => {
    await startAs(app, 'admin');
    const zoe = (await app.db('patients').first('id', 'updated_at')) as { id: string; updated_at: string };
    const writes: Array<[Channel, unknown]> = [
      ['patients.create', { patient: patientInput({ firstName: 'Ana', lastName: 'Costa' }), acknowledgeDuplicates: true }],
      ['patients.archive', { id: zoe.id, reason: 'Moved away', expectedUpdatedAt: zoe.updated_at }],
      ['settings.update', clinicProfile({ name: 'Taken over' })],
      ['staff.create', { name: 'Intruder', initials: 'IN', roles: ['admin'], secret: '123456' }],
      ['consent.recordVerbal', { patientId: zoe.id, areas: ['gluteal'] }],
      ['audit.export', {}],
      ['patients.get', { id: zoe.id }],
    ];
    for (const who of ['locked', 'signed-out'] as const) {
      await become(who);
      const before = await snapshot();
      for (const [channel, input] of writes) {
        expect(contract[channel].input.safeParse(input).success, channel).toBe(true);
        expect(await app.dispatch(channel, input), `${who} ${channel}`).toMatchObject({ ok: false, error: { code: 'locked' } });
      }
      expect(await snapshot()).toBe(before);
    }
    // Reception is refused the admin's channels with valid input too.
    await become('reception');
    const before = await snapshot();
    for (const [channel, input] of writes.filter(([c]) => permissions[c] !== 'public' && !(permissions[c] as readonly Role[]).includes('reception'))) {
      expect(await app.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await snapshot()).toBe(before);
    expect(await app.dispatch('session.signIn', { initials: 'PN', secret: testPin })).toMatchObject({ ok: true });
  });

  it('is the table the README shows', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Staff, roles and sign-in'));
    const rows = new Map<string, string>();
    for (const line of section.split('\n')) {
      const m = /^\| `([\w.]+)` \| (.+?) \|$/.exec(line);
      if (m) rows.set(m[1], m[2]);
    }
    const described = (c: Channel) => {
      const rule = permissions[c];
      return rule === 'public' ? 'anyone, signed in or not' : roles.filter((r) => rule.includes(r)).join(', ');
    };
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(channels.map((c) => [c, described(c)])));
  });
});
