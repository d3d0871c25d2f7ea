import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionSchema, type QuestionnaireDefinition } from '../../shared/contract/checkin';
import { alerts, answerProblems, themeScores } from '../../main/checkin/scoring';

/** Our shipped check-in, read from the file the app seeds from. */
const ours = definitionSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '../../resources/templates/checkin/alliance.json'), 'utf8')).definition);

/** A clinic's own instrument: a 0–6 scale, summed per theme, one reversed item, its own thresholds. */
const clinics: QuestionnaireDefinition = definitionSchema.parse({
  title: { 'en-CA': 'Clinic instrument', 'fr-CA': 'Instrument de la clinique' },
  intro: { 'en-CA': 'Licensed', 'fr-CA': 'Sous licence' },
  source: 'Held under licence by the clinic',
  validated: true,
  scale: { min: 0, max: 6, labels: { 'en-CA': ['0', '1', '2', '3', '4', '5', '6'], 'fr-CA': ['0', '1', '2', '3', '4', '5', '6'] } },
  themes: [
    { key: 'bond', label: { 'en-CA': 'Bond', 'fr-CA': 'Lien' } },
    { key: 'task', label: { 'en-CA': 'Task', 'fr-CA': 'Tâche' } },
  ],
  items: [
    { id: 'b1', theme: 'bond', text: { 'en-CA': 'B1', 'fr-CA': 'B1' } },
    { id: 'b2', theme: 'bond', text: { 'en-CA': 'B2 (reversed)', 'fr-CA': 'B2' }, reverse: true },
    { id: 't1', theme: 'task', text: { 'en-CA': 'T1', 'fr-CA': 'T1' } },
  ],
  scoring: { method: 'sum', lowAtOrBelow: 1, dropShare: 0.3 },
});

const shown = (d: QuestionnaireDefinition, values: Record<string, number>) => Object.entries(values).map(([itemId, value]) => ({ itemId, value, text: d.items.find((i) => i.id === itemId)!.text['en-CA'] }));
const allFours = Object.fromEntries(ours.items.map((i) => [i.id, 4]));

describe('our check-in', () => {
  it('has one or two items on each alliance theme, a five-point scale in both languages, and says it is not validated', () => {
    expect(ours.scale).toMatchObject({ min: 1, max: 5 });
    expect(ours.validated).toBe(false);
    expect(ours.intro['en-CA']).toMatch(/not a validated instrument/);
    expect(ours.intro['fr-CA']).toMatch(/pas un instrument validé/);
    for (const t of ours.themes) expect(ours.items.filter((i) => i.theme === t.key).length).toBeGreaterThanOrEqual(1);
    for (const t of ours.themes) expect(ours.items.filter((i) => i.theme === t.key).length).toBeLessThanOrEqual(2);
    expect(ours.themes.map((t) => t.key)).toEqual(expect.arrayContaining(['communication', 'partnership', 'goals', 'tasks', 'individualised']));
  });

  it('scores each theme as the mean of its items', () => {
    const scores = themeScores(ours, shown(ours, { ...allFours, explains: 5, listens: 2 }));
    expect(scores.find((s) => s.theme === 'communication')).toEqual({ theme: 'communication', score: 3.5 });
    expect(scores.find((s) => s.theme === 'partnership')).toEqual({ theme: 'partnership', score: 4 });
    expect(scores).toHaveLength(ours.themes.length);
    // A theme with no answer has no score (not a zero that would look like a fall).
    expect(themeScores(ours, shown(ours, { trust: 3 }))).toEqual([{ theme: 'connectedness', score: 3 }]);
  });

  it('raises a low answer (1 or 2) with what was said, and nothing for 3 and above', () => {
    expect(alerts(ours, shown(ours, { ...allFours, decide_together: 3 }), null)).toEqual([]);
    expect(alerts(ours, shown(ours, { ...allFours, trust: 2, fits_me: 1 }), null)).toEqual([
      { kind: 'low', theme: 'individualised', itemId: 'fits_me', text: 'My treatment is adapted to me and my daily life.', value: 1 },
      { kind: 'low', theme: 'connectedness', itemId: 'trust', text: 'I feel comfortable and trust my therapist.', value: 2 },
    ]);
  });

  it('raises a drop of a fifth or more against the previous check-in on a theme, and not a smaller one', () => {
    const previous = themeScores(ours, shown(ours, { ...allFours, explains: 5, listens: 5, same_goals: 5 }));
    // Communication 5 → 4 is exactly a fifth; goals 5 → 4.5 is a tenth; partnership unchanged.
    const now = shown(ours, { ...allFours, explains: 4, listens: 4, same_goals: 4 });
    expect(alerts(ours, now, previous)).toEqual([
      { kind: 'drop', theme: 'communication', previous: 5, score: 4 },
      { kind: 'drop', theme: 'goals', previous: 5, score: 4 },
    ]);
    const slight = shown(ours, { ...allFours, explains: 5, listens: 4, same_goals: 5 });
    expect(alerts(ours, slight, previous)).toEqual([]);
    // A rise is no alert; no previous check-in, no drop.
    expect(alerts(ours, shown(ours, { ...allFours, explains: 5, listens: 5 }), themeScores(ours, shown(ours, allFours)))).toEqual([]);
  });

  it('refuses an item from another version, a value off the scale, an item twice', () => {
    expect(answerProblems(ours, [{ itemId: 'trust', value: 6 }, { itemId: 'b1', value: 3 }, { itemId: 'explains', value: 0 }, { itemId: 'explains', value: 3 }, { itemId: 'listens', value: 5 }])).toEqual({
      'answers.0.value': 'Choose an answer from 1 to 5',
      'answers.1.itemId': 'This item is not in this version of the check-in',
      'answers.2.value': 'Choose an answer from 1 to 5',
      'answers.3.itemId': 'This item is answered twice',
    });
  });
});

describe('a clinic-defined questionnaire is scored by its own definition', () => {
  it('sums its themes and turns its reversed item round', () => {
    // b2 reversed on 0–6: 1 counts as 5. bond = 4 + 5 = 9; task = 6.
    expect(themeScores(clinics, shown(clinics, { b1: 4, b2: 1, t1: 6 }))).toEqual([{ theme: 'bond', score: 9 }, { theme: 'task', score: 6 }]);
  });

  it('uses its own low mark and drop share', () => {
    // A 2 is low on ours, not on this one (low at 1 or below); a reversed 6 counts as 0: low.
    expect(alerts(clinics, shown(clinics, { b1: 2, b2: 1, t1: 2 }), null)).toEqual([]);
    expect(alerts(clinics, shown(clinics, { b1: 4, b2: 6, t1: 4 }), null)).toEqual([{ kind: 'low', theme: 'bond', itemId: 'b2', text: 'B2 (reversed)', value: 6 }]);
    // task 6 → 5 is a sixth: a drop on ours (a fifth) would not be one either; 6 → 4 is a third: above its 0.3.
    const previous = [{ theme: 'bond', score: 9 }, { theme: 'task', score: 6 }];
    expect(alerts(clinics, shown(clinics, { b1: 4, b2: 1, t1: 5 }), previous)).toEqual([]);
    expect(alerts(clinics, shown(clinics, { b1: 4, b2: 1, t1: 4 }), previous)).toEqual([{ kind: 'drop', theme: 'task', previous: 6, score: 4 }]);
    expect(answerProblems(clinics, [{ itemId: 'b1', value: 0 }, { itemId: 't1', value: 7 }])).toEqual({ 'answers.1.value': 'Choose an answer from 0 to 6' });
  });
});
