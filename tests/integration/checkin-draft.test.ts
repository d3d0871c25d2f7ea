import { afterEach, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../shared/contract/checkin';
import { tempApp } from '../support/app';
import { startAs, testStaff } from '../support/node-app';
import { clinicProfile } from '../support/fixtures';
import { clinicDay } from '../support/clinic-day';
import { must } from '../support/must';
import { createDrafts, draftLifeMs } from '../../main/checkin/drafts';

/** The check-in's draft through the real dispatcher: whose it is, when it goes, and that it never reaches the disk. */

let app: Awaited<ReturnType<typeof tempApp>>;
afterEach(async () => app?.cleanup());

type Answers = { answers: Array<{ itemId: string; value: number }> };

/** A fresh app with two patients, and the questionnaire in use. */
async function twoPatients() {
  app = await tempApp();
  await must(app.dispatch('settings.update', clinicProfile()));
  const c = await clinicDay(app);
  const zoe = await c.patient('Zoë', 'Martin');
  const li = await c.patient('Li', 'Wei');
  return { zoe, li, q: await must<Questionnaire>(app.dispatch('checkin.questionnaire', {})) };
}

describe('the check-in draft', () => {
  it('belongs to the person and patient it was typed for, on that version, and goes once recorded', async () => {
    const { zoe, li, q } = await twoPatients();
    const draft = (patientId: string, questionnaireId = q.id) => must<Answers>(app.dispatch('checkin.draft', { patientId, questionnaireId }));

    await startAs(app, 'reception');
    // The last answer for an item stands.
    expect(await must<Answers>(app.dispatch('checkin.saveDraft', { patientId: zoe, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 2 }, { itemId: 'trust', value: 3 }, { itemId: 'explains', value: 5 }] }))).toEqual({
      answers: [{ itemId: 'trust', value: 3 }, { itemId: 'explains', value: 5 }],
    });
    expect(await draft(zoe)).toEqual({ answers: [{ itemId: 'trust', value: 3 }, { itemId: 'explains', value: 5 }] });
    expect(await draft(li)).toEqual({ answers: [] });
    expect(await draft(zoe, li)).toEqual({ answers: [] }); // another version: nothing to restore
    // Off the draft's small scale: refused by field, like any bad input.
    expect(await app.dispatch('checkin.saveDraft', { patientId: zoe, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 11 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'answers.0.value': expect.any(String) } } });

    // Another person at the desk does not see it; the first one back does.
    await startAs(app, 'therapist');
    expect(await draft(zoe)).toEqual({ answers: [] });
    await startAs(app, 'reception');
    expect((await draft(zoe)).answers).toHaveLength(2);

    // Nothing of it on disk: no table, no audit entry holds the answers.
    const onDisk = JSON.stringify(await app.db('audit_events').select('*')) + JSON.stringify(await app.db('checkin_answers').select('*'));
    expect(onDisk).not.toContain('explains');

    const answers = q.definition.items.map((i) => ({ itemId: i.id, value: 4 }));
    await must(app.dispatch('checkin.record', { patientId: zoe, questionnaireId: q.id, locale: 'en-CA', answers }));
    expect(await draft(zoe)).toEqual({ answers: [] });

    // Left: dropped.
    await must(app.dispatch('checkin.saveDraft', { patientId: li, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 1 }] }));
    expect(await must(app.dispatch('checkin.dropDraft', { patientId: li }))).toEqual({ dropped: true });
    expect(await draft(li)).toEqual({ answers: [] });
  });

  it('in patient mode is the session’s, for its patient only, and not the desk’s after it', async () => {
    const { zoe, li, q } = await twoPatients();
    await startAs(app, 'reception');
    await must(app.dispatch('checkin.saveDraft', { patientId: zoe, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 5 }] }));

    await must(app.dispatch('patientMode.enter', { patientId: zoe, kinds: [], locale: 'fr-CA', checkin: true }));
    // The patient's session starts with its own, empty draft: not the desk's.
    expect(await must<Answers>(app.dispatch('checkin.draft', { patientId: zoe, questionnaireId: q.id }))).toEqual({ answers: [] });
    await must(app.dispatch('checkin.saveDraft', { patientId: zoe, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 1 }] }));
    expect(await must<Answers>(app.dispatch('checkin.draft', { patientId: zoe, questionnaireId: q.id }))).toEqual({ answers: [{ itemId: 'trust', value: 1 }] });
    // Another patient's draft from the patient's screen: refused.
    expect(await app.dispatch('checkin.draft', { patientId: li, questionnaireId: q.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('checkin.saveDraft', { patientId: li, questionnaireId: q.id, answers: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await must(app.dispatch('patientMode.exit', { pin: testStaff.reception.secret }));
    await startAs(app, 'reception');
    expect(await must<Answers>(app.dispatch('checkin.draft', { patientId: zoe, questionnaireId: q.id }))).toEqual({ answers: [{ itemId: 'trust', value: 5 }] });
  });

  it('in patient mode is saved as cheaply as at the desk: finding the session reads nothing from the database', async () => {
    const { zoe, q } = await twoPatients();
    await startAs(app, 'reception');
    const queriesPerSave = async () => {
      const sql: string[] = [];
      const seen = (d: { sql: string }) => sql.push(d.sql);
      app.db.on('query', seen);
      await must(app.dispatch('checkin.saveDraft', { patientId: zoe, questionnaireId: q.id, answers: [{ itemId: 'trust', value: 3 }] }));
      app.db.removeListener('query', seen);
      return sql;
    };
    const atDesk = await queriesPerSave();
    await must(app.dispatch('patientMode.enter', { patientId: zoe, kinds: ['treatment'], locale: 'en-CA', checkin: true }));
    // Before, each save read what the session had signed and answered so far (two more queries per tap), only to learn whose draft it was.
    expect(await queriesPerSave()).toEqual(atDesk);
    expect(await must<Answers>(app.dispatch('checkin.draft', { patientId: zoe, questionnaireId: q.id }))).toEqual({ answers: [{ itemId: 'trust', value: 3 }] });
  });

  it('forgets a draft left untouched for two hours', () => {
    let t = 0;
    const drafts = createDrafts(() => t);
    drafts.put('staff:a', 'p', 'q', [{ itemId: 'trust', value: 2 }]);
    t = draftLifeMs;
    expect(drafts.get('staff:a', 'p', 'q')).toHaveLength(1);
    t = draftLifeMs + 1;
    expect(drafts.get('staff:a', 'p', 'q')).toEqual([]);
    expect(drafts.size()).toBe(0);
  });
});
