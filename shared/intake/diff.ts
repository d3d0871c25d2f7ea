import type { Answer, IntakeVersion, ShownQuestion } from '../contract/intake';

export interface DiffRow {
  key: string;
  /** The question as the newer version showed it (or the older, for a question since removed). */
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** An answer in words, with the option labels the version itself showed. */
export function answerText(question: ShownQuestion | undefined, answer: Answer | undefined): string {
  if (answer === undefined || answer === '') return '';
  const label = (key: string) => question?.options.find((o) => o.key === key)?.label ?? key;
  if (typeof answer === 'string') return question?.type === 'choice' ? label(answer) : answer;
  return answer.map((a) => (typeof a === 'string' ? label(a) : `${a.area}: ${a.pain}/10`)).join(question?.type === 'areas' ? '; ' : ', ');
}

/** Ticked options in any order are the same answer. */
const same = (a: Answer | undefined, b: Answer | undefined) => {
  const norm = (x: Answer | undefined) => (Array.isArray(x) && x.every((v) => typeof v === 'string') ? [...(x as string[])].sort() : (x ?? ''));
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/**
 * Two versions of one patient's intake, question by question, for the side-by-side
 * history: the questions of the newer version in its order, then any the older one
 * asked that the newer no longer does.
 */
export function intakeDiff(before: IntakeVersion, after: IntakeVersion): DiffRow[] {
  const older = new Map(before.questions.map((q) => [q.key, q]));
  const newer = new Map(after.questions.map((q) => [q.key, q]));
  const keys = [...newer.keys(), ...[...older.keys()].filter((k) => !newer.has(k))];
  return keys.map((key) => ({
    key,
    label: (newer.get(key) ?? older.get(key))!.label,
    before: answerText(older.get(key), before.answers[key]),
    after: answerText(newer.get(key), after.answers[key]),
    changed: !same(before.answers[key], after.answers[key]),
  }));
}
