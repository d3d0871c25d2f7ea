import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PatientSession } from '../../shared/contract/consent';
import { call } from '../ipc/client';
import { useRead } from '../ipc/hooks';
import { CheckinForm } from './CheckinForm';
import { formWords } from './words';

/** Whether the session still has its check-in to answer: main says (a check-in by the patient since the session began), so a reload resumes here. */
export const checkinPending = (session: PatientSession) => Boolean(session.checkin && !session.checkin.done);

/** The patient answers the clinic's check-in, in their language, on the version the desk handed over. */
export function CheckinStep({ session }: { session: PatientSession }) {
  const client = useQueryClient();
  const t = formWords[session.locale];
  // The version handed over, even if a newer one was saved since: main takes answers on that one only.
  const questionnaire = useRead('checkin.questionnaire', { id: session.checkin?.questionnaireId });
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!questionnaire.data) return <p aria-busy="true">{t.step}…</p>;
  return (
    <div className="patient-checkin">
      <p className="patient-mode__step" tabIndex={-1} ref={heading}>
        {t.step}
      </p>
      <CheckinForm
        questionnaire={questionnaire.data}
        locale={session.locale}
        draftFor={session.patientId}
        onSubmit={async (answers) => {
          const r = await call('checkin.record', { patientId: session.patientId, questionnaireId: session.checkin!.questionnaireId, locale: session.locale, answers });
          // Answered (or already answered in this session): main's session now says the step is done.
          if (r.ok || r.error.code === 'conflict') await client.invalidateQueries({ queryKey: ['patientMode.current'] });
          return r.ok || r.error.code === 'conflict' ? { ok: true, value: null } : r;
        }}
      />
    </div>
  );
}
