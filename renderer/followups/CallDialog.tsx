import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { outcomes, type FollowUp, type Outcome } from '../../shared/contract/followups';
import type { Appointment } from '../../shared/contract/appointments';
import { useRead, useWrite } from '../ipc/hooks';
import { BookingDialog } from '../appointments/VisitDialogs';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { href } from '../app/route';
import { useWhy } from './why';
import { channelNames, outcomeNames, promptFor, prompts, themeNames } from './words';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** Outcomes that leave the follow-up open for another try. */
const retry = (o: Outcome) => o === 'voicemail' || o === 'no_answer' || o === 'wrong_number';

/**
 * One follow-up, open: the prompt for the call, the number to dial, and the outcome.
 * Keys 1–5 pick the outcome, Ctrl+Enter saves. Voicemail and no answer offer the next
 * try two days on (the desk may change or clear it); reached closes it; declined stops
 * all outreach to the patient until someone undoes it on the patient's record.
 * Alt+B books a visit for the patient on the call; once booked, the follow-up is done
 * as reached, with the visit in the note.
 */
export function CallDialog({ followUp: f, today, onClose }: { followUp: FollowUp; today: string; onClose(): void }) {
  const intl = useIntl();
  const why = useWhy();
  const record = useWrite('followups.record');
  const mail = useWrite('followups.openMail');
  const offered = f.channels.length > 0 ? f.channels : (['visit'] as const);
  const [channel, setChannel] = useState<(typeof offered)[number] | 'visit'>(offered[0]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState('');
  const [nextTry, setNextTry] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const setup = useRead('appointments.setup', {});
  const prompt = promptFor[f.kind];
  // The outcome is what the desk gives first: its keys work from there (after the dialog placed its own focus).
  useEffect(() => document.getElementById(`outcome-${outcomes[0]}`)?.focus(), []);

  function pick(o: Outcome) {
    setOutcome(o);
    setNextTry(retry(o) ? addDays(today, 2) : '');
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (!outcome) {
      setFields({ outcome: intl.formatMessage({ id: 'followups.call.pickOutcome', defaultMessage: 'Choose what happened (keys 1 to 5)' }) });
      return;
    }
    const r = await record.mutateAsync({ followUpId: f.id, channel, outcome, note, nextTryDay: retry(outcome) && nextTry ? nextTry : null });
    if (r.ok) return onClose();
    setFields(r.error.fields ?? {});
    setProblem(r.error.message);
  }

  async function booked(a: Appointment) {
    setBooking(false);
    const visit = intl.formatMessage({ id: 'followups.call.booked', defaultMessage: 'Visit booked for {day} at {start}.' }, { day: a.day, start: a.start });
    const r = await record.mutateAsync({ followUpId: f.id, channel, outcome: 'reached', note: note ? `${note}\n${visit}` : visit, nextTryDay: null });
    if (r.ok) return onClose();
    // The visit stands; only the outcome is left to save, so say so beside it.
    setOutcome('reached');
    setFields(r.error.fields ?? {});
    setProblem(r.error.message);
  }

  function keys(e: KeyboardEvent<HTMLFormElement>) {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'b') {
      e.preventDefault();
      if (setup.data) setBooking(true);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
      return;
    }
    const typing = e.target instanceof HTMLTextAreaElement || (e.target instanceof HTMLInputElement && e.target.type !== 'radio');
    const n = Number(e.key);
    if (!typing && !e.altKey && !e.ctrlKey && n >= 1 && n <= outcomes.length) {
      e.preventDefault();
      pick(outcomes[n - 1]);
      document.getElementById(`outcome-${outcomes[n - 1]}`)?.focus();
    }
  }

  // The booking is a sibling, not a child, of the call: its Esc and close stay its own.
  return (
    <>
      <Dialog title={`${f.patientName} — ${why(f)}`} open onClose={onClose} wide dirty={note !== ''}>
        <form onSubmit={save} onKeyDown={keys} noValidate>
          <aside className="followups__prompt" aria-labelledby="prompt-h">
            <h3 id="prompt-h" className="visually-hidden">
              <FormattedMessage id="followups.call.prompt" defaultMessage="Call prompt" />
            </h3>
            <p>
              <strong>{intl.formatMessage(prompts.ask)}</strong> {intl.formatMessage(prompt.ask)}
            </p>
            <p>
              <strong>{intl.formatMessage(prompts.listen)}</strong> {intl.formatMessage(prompt.listen)}
            </p>
            <p className="muted">
              {intl.formatMessage({ id: 'followups.prompt.themes', defaultMessage: 'Alliance themes: {themes}' }, { themes: prompt.themes.map((t) => intl.formatMessage(themeNames[t])).join(', ') })}
            </p>
          </aside>
          <p>
            {f.channels.includes('phone') || f.channels.includes('text') ? (
              <FormattedMessage id="followups.call.number" defaultMessage="Number: <b>{phone}</b>" values={{ phone: f.phone || '—', b: (c) => <strong>{c}</strong> }} />
            ) : f.channels.length === 0 ? (
              <strong>
                <FormattedMessage id="followups.call.noChannel" defaultMessage="The privacy consent allows no contact: record this at the patient’s next visit." />
              </strong>
            ) : null}
          </p>
          {f.channels.includes('email') && (
            <p>
              <button type="button" className="button button--small" onClick={() => void mail.mutateAsync({ followUpId: f.id }).then((r) => setProblem(r.ok ? null : r.error.message))}>
                <FormattedMessage id="followups.call.mail" defaultMessage="Prepare an e-mail in the mail program" />
              </button>
            </p>
          )}
          <fieldset className={`field${fields.outcome ? ' field--invalid' : ''}`}>
            <legend className="field__label">
              <FormattedMessage id="followups.call.outcome" defaultMessage="What happened (keys 1–5)" />
            </legend>
            <div className="followups__outcomes">
              {outcomes.map((o, i) => (
                <label key={o} className="checkbox">
                  <input type="radio" id={`outcome-${o}`} name="outcome" value={o} checked={outcome === o} onChange={() => pick(o)} />
                  <kbd aria-hidden="true">{i + 1}</kbd> {intl.formatMessage(outcomeNames[o])}
                </label>
              ))}
            </div>
            {fields.outcome && <span className="field__error">{fields.outcome}</span>}
          </fieldset>
          <div className="grid grid--2">
            <SelectField
              label={intl.formatMessage({ id: 'followups.call.channel', defaultMessage: 'How' })}
              value={channel}
              onChange={(e) => setChannel(e.target.value as typeof channel)}
              error={fields.channel}
              options={[...offered, ...(f.channels.length > 0 ? (['visit'] as const) : [])].map((c) => ({ value: c, label: intl.formatMessage(channelNames[c]) }))}
            />
            {outcome && retry(outcome) && (
              <TextField
                type="date"
                label={intl.formatMessage({ id: 'followups.call.nextTry', defaultMessage: 'Next try' })}
                hint={intl.formatMessage({ id: 'followups.call.nextTryHint', defaultMessage: 'Clear it to stop trying.' })}
                value={nextTry}
                min={today}
                onChange={(e) => setNextTry(e.target.value)}
                error={fields.nextTryDay}
              />
            )}
          </div>
          <TextArea label={intl.formatMessage({ id: 'followups.call.note', defaultMessage: 'Note (what was said, for the therapist)' })} value={note} onChange={(e) => setNote(e.target.value)} rows={3} error={fields.note} />
          <Problem message={problem} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={record.isPending} aria-keyshortcuts="Control+Enter">
              <FormattedMessage id="followups.call.save" defaultMessage="Save outcome (Ctrl+Enter)" />
            </button>
            <button type="button" className="button" onClick={onClose}>
              <FormattedMessage id="followups.call.cancel" defaultMessage="Cancel" />
            </button>
            <button type="button" className="button" disabled={!setup.data || record.isPending} onClick={() => setBooking(true)} aria-keyshortcuts="Alt+B">
              <FormattedMessage id="followups.call.book" defaultMessage="Book a visit (Alt+B)" />
            </button>
            <a href={href({ screen: 'patients', patientId: f.patientId })} onClick={onClose}>
              <FormattedMessage id="followups.call.record" defaultMessage="Open the patient’s record" />
            </a>
          </div>
        </form>
      </Dialog>
      {booking && setup.data && (
        <BookingDialog slot={{ day: today, start: '09:00' }} setup={setup.data} patient={{ id: f.patientId, name: f.patientName }} onClose={() => setBooking(false)} onBooked={(a) => void booked(a)} />
      )}
    </>
  );
}
