import type { ScreeningLanguage, ScreeningSet } from '../../shared/contract/screening';
import { screeningWords } from './words';

/** Each question of the set with yes or no, in the language asked: the desk's dialog and the patient's screen show the same. */
export function Questions({ set, language, answers, onAnswer, errors, big }: {
  set: ScreeningSet;
  language: ScreeningLanguage;
  answers: Record<string, boolean>;
  onAnswer(answers: Record<string, boolean>): void;
  errors: Record<string, string>;
  /** The patient's screen: larger targets for a finger. */
  big?: boolean;
}) {
  const words = screeningWords[language];
  return (
    <ol className="screening__questions">
      {set.questions.map((q, i) => (
        <li key={q.id}>
          <fieldset className={`screening__question${errors[`answers.${q.id}`] ? ' field--invalid' : ''}`}>
            <legend>{q[language]}</legend>
            {[true, false].map((value) => (
              <label key={String(value)} className={big ? 'checkbox checkbox--large' : 'checkbox'}>
                <input type="radio" name={`answers.${q.id}`} checked={answers[q.id] === value} autoFocus={i === 0 && value} onChange={() => onAnswer({ ...answers, [q.id]: value })} />
                {value ? words.yes : words.no}
              </label>
            ))}
            {errors[`answers.${q.id}`] && <span className="field__error">{errors[`answers.${q.id}`]}</span>}
          </fieldset>
        </li>
      ))}
    </ol>
  );
}
