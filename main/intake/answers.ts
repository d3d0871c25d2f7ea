import type { Answer, Answers, IntakeQuestion } from '../../shared/contract/intake';
import { say } from '../../shared/messages';

const isTextList = (a: Answer): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
const isAreas = (a: Answer): a is Array<{ area: string; pain: number }> => Array.isArray(a) && a.length <= 12 && a.every((x) => typeof x === 'object');
const isEmpty = (a: Answer | undefined) => a === undefined || a === '' || (Array.isArray(a) && a.length === 0);

/**
 * Checks the answers against the questions of the template version they were given
 * for: the schema only knows an answer's shape, the template knows which shape each
 * question takes. Field keys are `answers.<question>` so the form shows them in place.
 */
export function answerProblems(questions: IntakeQuestion[], answers: Answers, required: (key: string) => string): Record<string, string> {
  const fields: Record<string, string> = {};
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) fields[`answers.${key}`] = 'This question is not on the form';
  for (const q of questions) {
    const a = answers[q.key];
    const at = `answers.${q.key}`;
    if (isEmpty(a)) {
      if (q.required) fields[at] = required(q.key);
      continue;
    }
    const options = new Set(q.options ?? []);
    if (q.type === 'text' && typeof a !== 'string') fields[at] = say('field.expectedText');
    if (q.type === 'choice' && (typeof a !== 'string' || !options.has(a))) fields[at] = 'Choose one of the options';
    if (q.type === 'checklist' && (!isTextList(a!) || a.some((o) => !options.has(o)) || new Set(a).size !== a.length)) fields[at] = 'Tick options from the list';
    if (q.type === 'areas' && (typeof a === 'string' || !isAreas(a!))) fields[at] = 'List each area with its pain from 0 to 10';
  }
  return fields;
}

/** Empty answers are not kept: "not answered" reads the same whichever way it was left blank. */
export function withoutEmpty(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, a]) => !isEmpty(a)));
}
