import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PatientSession } from '../../shared/contract/consent';
import type { Answers } from '../../shared/contract/intake';
import { call } from '../ipc/client';
import { useRead } from '../ipc/hooks';
import { IntakeForm } from './IntakeForm';
import { formWords } from './words';

/** Typing is sent to main this long after the last key, so a reload loses at most that much. */
const draftDelayMs = 400;

/** Whether the patient-mode session still has its health history step to do (main knows: a newer version exists once it is done). */
export function useIntakeStep(session: PatientSession): { pending: boolean; loading: boolean } {
  const current = useRead('intake.current', { patientId: session.patientId }, { enabled: session.intake !== undefined });
  if (!session.intake) return { pending: false, loading: false };
  if (!current.data) return { pending: false, loading: true };
  return { pending: (current.data.intake?.version ?? null) === session.intake.basedOnVersion, loading: false };
}

/** The patient fills in (or updates) their health history, in their language; a reload resumes the typing kept in main. */
export function IntakeStep({ session }: { session: PatientSession }) {
  const client = useQueryClient();
  const t = formWords[session.locale];
  const template = useRead('intake.template', {});
  const current = useRead('intake.current', { patientId: session.patientId });
  const draft = useRead('intake.draft', { patientId: session.patientId });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (!template.data || !current.data || !draft.data) return <p aria-busy="true">{t.step}…</p>;
  const keep = (answers: Answers) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void call('intake.saveDraft', { patientId: session.patientId, answers }), draftDelayMs);
  };
  const submit = async (answers: Answers) => {
    clearTimeout(timer.current);
    const r = await call('intake.submit', { patientId: session.patientId, templateVersion: template.data.version, locale: session.locale, answers, basedOnVersion: session.intake?.basedOnVersion ?? null });
    if (r.ok) await client.invalidateQueries({ queryKey: ['intake.current'] });
    return r;
  };
  return (
    <div className="patient-intake">
      <p className="patient-mode__step" tabIndex={-1} ref={heading}>
        {t.step} · {t.kept}
      </p>
      <IntakeForm template={template.data} locale={session.locale} initial={draft.data.answers ?? current.data.intake?.answers ?? {}} onChange={keep} onSubmit={submit} />
    </div>
  );
}
