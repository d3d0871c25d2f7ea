import { useState, type FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { Appointment } from '../../shared/contract/appointments';
import type { Screening, ScreeningLanguage, ScreeningStage } from '../../shared/contract/screening';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextArea } from '../ui/Field';
import { Actions, Problem } from '../ui/FormEnd';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { screeningWords } from './words';
import { Questions } from './Questions';
import { useWallClock } from '../appointments/clock';

const stageTitle = defineMessages<ScreeningStage>({
  booking: { id: 'screening.dialog.booking', defaultMessage: 'Booking screening: {name}, {time}' },
  arrival: { id: 'screening.dialog.arrival', defaultMessage: 'Arrival screening: {name}, {time}' },
});
const { noteLabel } = defineMessages({ noteLabel: { id: 'screening.dialog.note', defaultMessage: 'Note of the conversation' } });

/**
 * The screening as the desk takes it: the emergency check first, then each question with
 * yes or no, in the patient's language. A yes needs a note of the conversation, and the
 * answer is plain: the visit cannot go ahead today; move it, or (a therapist or an
 * admin) let it go ahead with a written reason.
 */
export function ScreeningDialog(props: {
  appointment: Appointment;
  stage: ScreeningStage;
  /** Therapist or admin: may let a stopped visit go ahead (main checks it too). */
  mayOverride: boolean;
  onClose(): void;
  onMove(): void;
}) {
  const { appointment, stage, mayOverride, onClose, onMove } = props;
  const intl = useIntl();
  const clock = useWallClock();
  const set = useRead('screening.current', {});
  const earlier = useRead('screening.forAppointment', { appointmentId: appointment.id });
  // The questions start in the desk's language; the desk switches to the patient's.
  const [language, setLanguage] = useState<ScreeningLanguage>(intl.locale.startsWith('fr') ? 'fr' : 'en');
  const [emergencyChecked, setEmergencyChecked] = useState(false);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [taken, setTaken] = useState<Screening | null>(null);
  const record = useWrite('screening.record');
  const action = useFormAction();
  const words = screeningWords[language];
  // A positive screening already on this visit (taken earlier, not yet overridden) shows its outcome first.
  const blocking = taken ?? (earlier.data?.blocked ? [...earlier.data.screenings].reverse().find((s) => s.positive && !s.override) : undefined) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!set.data) return;
    const r = await action.run(() =>
      record.mutateAsync({ appointmentId: appointment.id, stage, setId: set.data.id, language, note, answers: Object.entries(answers).map(([questionId, answer]) => ({ questionId, answer })) }),
    );
    if (!r.ok) return;
    if (r.value.positive) setTaken(r.value);
    else onClose();
  }

  const title = intl.formatMessage(stageTitle[stage], { name: appointment.patientName, time: clock.time(appointment.start) });
  if (blocking && (taken || earlier.data)) return <Blocked title={title} screening={blocking} mayOverride={mayOverride} onClose={onClose} onMove={onMove} />;
  const anyYes = Object.values(answers).some(Boolean);
  return (
    <Dialog title={title} open onClose={onClose} wide dirty={Object.keys(answers).length > 0}>
      <Problem message={set.error?.message} />
      {set.data && (
        <form onSubmit={(e) => void submit(e)} noValidate className="screening" lang={language}>
          <ErrorSummary {...action.summary} />
          <SelectField
            label={intl.formatMessage({ id: 'screening.dialog.language', defaultMessage: 'Language of the questions' })}
            value={language}
            onChange={(e) => setLanguage(e.target.value as ScreeningLanguage)}
            options={[{ value: 'en', label: 'English' }, { value: 'fr', label: 'Français' }]}
          />
          <div className="banner banner--warning screening__emergency" role="note">
            <p>{set.data.emergency[language]}</p>
          </div>
          {!emergencyChecked ? (
            <div className="actions">
              <button type="button" className="button button--primary" autoFocus onClick={() => setEmergencyChecked(true)}>
                {words.goOn}
              </button>
              <button type="button" className="button" onClick={onClose}>
                {words.cancel}
              </button>
            </div>
          ) : (
            <>
              <Questions set={set.data} language={language} answers={answers} onAnswer={setAnswers} errors={action.errors} />
              {anyYes && (
                <>
                  <p className="banner banner--error" role="alert">
                    {intl.formatMessage({ id: 'screening.dialog.yesMeans', defaultMessage: 'A yes means no treatment today. Tell the patient plainly, and write down what was said.' })}
                  </p>
                  <TextArea label={intl.formatMessage(noteLabel)} name="note" required value={note} onChange={(e) => setNote(e.target.value)} error={action.errors.note} />
                </>
              )}
              <p className="pane__hint">
                {intl.formatMessage({ id: 'screening.dialog.version', defaultMessage: 'Question set version {version}.' }, { version: set.data.version })}{' '}
                {/* The source is the set's own text, written by whoever edited it, in English. */}
                <span lang="en">{set.data.source}</span>
              </p>
              <Actions submit={words.save} busy={record.isPending} onCancel={onClose} cancel={words.cancel} />
            </>
          )}
        </form>
      )}
    </Dialog>
  );
}

function Blocked({ title, screening, mayOverride, onClose, onMove }: { title: string; screening: Screening; mayOverride: boolean; onClose(): void; onMove(): void }) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const override = useWrite('screening.override');
  const addNote = useWrite('screening.addNote');
  const [note, setNote] = useState('');
  const action = useFormAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => override.mutateAsync({ screeningId: screening.id, reason }));
    if (r.ok) onClose();
  }
  async function saveNote(e: FormEvent) {
    e.preventDefault();
    await action.run(() => addNote.mutateAsync({ screeningId: screening.id, note }));
  }
  const yes = screening.answers.filter((a) => a.answer);
  return (
    <Dialog title={title} open onClose={onClose} wide>
      <div className="banner banner--error" role="alert" tabIndex={-1}>
        <p className="blocked__title">{intl.formatMessage({ id: 'screening.blocked.title', defaultMessage: 'This visit cannot go ahead today.' })}</p>
        <p>{intl.formatMessage({ id: 'screening.blocked.yesTo', defaultMessage: 'The patient answered yes to: {questions}' }, { questions: yes.map((a) => a.text).join(' · ') })}</p>
      </div>
      <ErrorSummary {...action.summary} />
      {screening.note ? (
        <p>
          <strong>{intl.formatMessage({ id: 'screening.blocked.noteIs', defaultMessage: 'Note:' })}</strong> {screening.note}
        </p>
      ) : (
        <form onSubmit={(e) => void saveNote(e)} noValidate>
          <TextArea label={intl.formatMessage(noteLabel)} name="note" required value={note} onChange={(e) => setNote(e.target.value)} error={action.errors.note} />
          <button type="submit" className="button">
            {intl.formatMessage({ id: 'screening.blocked.saveNote', defaultMessage: 'Save the note' })}
          </button>
        </form>
      )}
      <div className="actions blocked__actions">
        <button type="button" className="button button--primary" autoFocus onClick={onMove}>
          {intl.formatMessage({ id: 'screening.blocked.move', defaultMessage: 'Move the visit to another day' })}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {intl.formatMessage({ id: 'screening.blocked.close', defaultMessage: 'Close' })}
        </button>
      </div>
      {mayOverride ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="blocked__override">
          <TextArea label={intl.formatMessage({ id: 'screening.blocked.reason', defaultMessage: 'Why the visit may go ahead anyway' })} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={action.errors.reason} />
          <button type="submit" className="button button--danger" disabled={override.isPending}>
            {intl.formatMessage({ id: 'screening.blocked.override', defaultMessage: 'Let the visit go ahead' })}
          </button>
        </form>
      ) : (
        <p className="pane__hint">{intl.formatMessage({ id: 'screening.blocked.onlyTherapist', defaultMessage: 'Only a therapist or an admin can let the visit go ahead, with a written reason.' })}</p>
      )}
    </Dialog>
  );
}
