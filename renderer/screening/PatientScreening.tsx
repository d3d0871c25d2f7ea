import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PatientSession } from '../../shared/contract/consent';
import type { ScreeningLanguage } from '../../shared/contract/screening';
import { call } from '../ipc/client';
import { useRead } from '../ipc/hooks';
import { Problem } from '../ui/FormEnd';
import { Questions } from './Questions';
import { patientScreeningWords } from './words';

/**
 * The arrival screening answered by the patient on the screen turned towards them, in
 * their language: the emergency check first, then each question. Main records it as
 * answered by the patient; the session read back from main says it is done, so a
 * reload resumes after it.
 */
export function PatientScreening({ session }: { session: PatientSession }) {
  const client = useQueryClient();
  const t = patientScreeningWords[session.locale];
  const language = session.locale.slice(0, 2) as ScreeningLanguage;
  const set = useRead('screening.current', {});
  const [emergencyChecked, setEmergencyChecked] = useState(false);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The heading takes focus once the questions have come: the screen says where it starts.
  useEffect(() => heading.current?.focus(), [set.data?.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!set.data || !session.arrivalScreening) return;
    setBusy(true);
    // Not useWrite: refreshing every read is not for patient mode; the session alone says what is next.
    const r = await call('screening.record', {
      appointmentId: session.arrivalScreening.appointmentId,
      stage: 'arrival',
      setId: set.data.id,
      language,
      answers: Object.entries(answers).map(([questionId, answer]) => ({ questionId, answer })),
    });
    setBusy(false);
    if (r.ok) {
      await client.invalidateQueries({ queryKey: ['patientMode.current'] });
      return;
    }
    const unanswered = Object.keys(r.error.fields ?? {}).filter((k) => k.startsWith('answers.'));
    setErrors(unanswered.length ? Object.fromEntries([...unanswered.map((k) => [k, t.answerAll]), ['_', t.answerAll]]) : { _: t.failed });
  }

  if (!set.data) return <p aria-busy="true">{t.step}…</p>;
  return (
    <form className="screening patient-screening" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="screening-title">
      <h1 id="screening-title" tabIndex={-1} ref={heading}>
        {t.step}
      </h1>
      <p>{t.intro}</p>
      <div className="banner banner--warning screening__emergency" role="note">
        <p>{set.data.emergency[language]}</p>
      </div>
      {!emergencyChecked ? (
        <div className="actions">
          <button type="button" className="button button--primary button--big" onClick={() => setEmergencyChecked(true)}>
            {t.emergencyOk}
          </button>
        </div>
      ) : (
        <>
          <Questions set={set.data} language={language} answers={answers} onAnswer={setAnswers} errors={errors} big />
          <Problem message={errors._} />
          <div className="actions">
            <button type="submit" className="button button--primary button--big" disabled={busy}>
              {t.save}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
