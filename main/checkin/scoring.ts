import type { QuestionnaireDefinition, TaskReason } from '../../shared/contract/checkin';
import { say } from '../../shared/messages';

/**
 * Scoring a check-in, with no side effects: the questionnaire's own definition says how
 * (mean or sum per theme, reversed items, what a low answer is, what share of a fall is
 * a drop), so a clinic's licensed instrument is scored its way and ours ours.
 */

export type Given = ReadonlyArray<{ itemId: string; value: number }>;

/** An answer as it counts: a reversed item turned round, so a higher value is always a better alliance. */
export function counted(definition: QuestionnaireDefinition, itemId: string, value: number): number {
  const item = definition.items.find((i) => i.id === itemId);
  const { min, max } = definition.scale;
  return item?.reverse ? min + max - value : value;
}

/** Each theme with at least one answer, in the definition's order: the mean or the sum of its items. */
export function themeScores(definition: QuestionnaireDefinition, answers: Given): Array<{ theme: string; score: number }> {
  const out: Array<{ theme: string; score: number }> = [];
  for (const { key } of definition.themes) {
    const values = answers.filter((a) => definition.items.find((i) => i.id === a.itemId)?.theme === key).map((a) => counted(definition, a.itemId, a.value));
    if (values.length === 0) continue;
    const sum = values.reduce((s, v) => s + v, 0);
    out.push({ theme: key, score: definition.scoring.method === 'sum' ? sum : Math.round((sum / values.length) * 100) / 100 });
  }
  return out;
}

/** Field errors for answers the questionnaire cannot take: an item not in this version, a value off its scale, an item twice. */
export function answerProblems(definition: QuestionnaireDefinition, answers: Given): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  const { min, max } = definition.scale;
  answers.forEach((a, i) => {
    if (!definition.items.some((item) => item.id === a.itemId)) fields[`answers.${i}.itemId`] = say('checkin.itemNotInVersion');
    else if (seen.has(a.itemId)) fields[`answers.${i}.itemId`] = say('checkin.answeredTwice');
    else if (a.value < min || a.value > max) fields[`answers.${i}.value`] = say('checkin.answerRange', { min, max });
    seen.add(a.itemId);
  });
  return fields;
}

/**
 * Why the therapist should hear about this check-in: each low answer with what was said,
 * and each theme whose score fell by `dropShare` of the previous check-in's or more.
 * `previous` is the patient's last check-in on the same questionnaire, or null.
 */
export function alerts(
  definition: QuestionnaireDefinition,
  answers: ReadonlyArray<{ itemId: string; text: string; value: number }>,
  previous: ReadonlyArray<{ theme: string; score: number }> | null,
): TaskReason[] {
  const reasons: TaskReason[] = [];
  for (const a of answers) {
    const item = definition.items.find((i) => i.id === a.itemId);
    if (item && counted(definition, a.itemId, a.value) <= definition.scoring.lowAtOrBelow) reasons.push({ kind: 'low', theme: item.theme, itemId: a.itemId, text: a.text, value: a.value });
  }
  for (const now of themeScores(definition, answers)) {
    const before = previous?.find((p) => p.theme === now.theme);
    // A small tolerance: scores are rounded means, and "a fifth" must not miss 5 → 4 by a rounding.
    if (before && before.score > 0 && before.score - now.score >= before.score * definition.scoring.dropShare - 1e-9) {
      reasons.push({ kind: 'drop', theme: now.theme, previous: before.score, score: now.score });
    }
  }
  return reasons;
}
