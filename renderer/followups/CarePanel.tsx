import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Patient } from '../../shared/contract/patients';
import { adherenceLevels, barriers, goalStatuses, type Goal, type Plan } from '../../shared/contract/followups';
import { useRead, useWrite } from '../ipc/hooks';
import { TextArea, TextField, SelectField } from '../ui/Field';
import { Actions, Problem } from '../ui/FormEnd';
import { barrierNames, goalStatusNames, levelNames } from './words';
import { SummaryButton } from '../summary/SummaryButton';
import { useClinicDate } from '../ui/useDay';
import './followups.css';

type Fields = Record<string, string>;

/**
 * Goals and homecare on the patient's record (issue 11, items 1–2), and the follow-up
 * state: a patient who declined further contact says so here, with the undo.
 */
export function CarePanel({ patient }: { patient: Patient }) {
  const live = patient.archivedAt === null;
  return (
    <section aria-labelledby="alliance-h" className="followups__care">
      <h3 id="alliance-h">
        <FormattedMessage id="followups.care.title" defaultMessage="Goals, homecare and follow-ups" />
      </h3>
      <Declined patientId={patient.id} />
      <Goals patientId={patient.id} live={live} />
      <Homecare patientId={patient.id} live={live} />
      {live && <SummaryButton patientId={patient.id} />}
    </section>
  );
}

function Declined({ patientId }: { patientId: string }) {
  const state = useRead('followups.patient', { patientId });
  const undo = useWrite('followups.undoDecline');
  const dayOf = useClinicDate();
  const d = state.data?.declined;
  if (!d) return null;
  return (
    <div className="banner banner--warning" role="status">
      <FormattedMessage id="followups.care.declined" defaultMessage="Declined further contact on {day} (recorded by {by}): no follow-up is offered." values={{ day: dayOf(d.at), by: d.by }} />{' '}
      <button type="button" className="button button--small" onClick={() => undo.mutate({ patientId })}>
        <FormattedMessage id="followups.care.undoDecline" defaultMessage="Undo: the patient agrees to be contacted again" />
      </button>
    </div>
  );
}

function Goals({ patientId, live }: { patientId: string; live: boolean }) {
  const intl = useIntl();
  const goals = useRead('followups.goals', { patientId });
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const list = goals.data?.goals ?? [];
  return (
    <div>
      <h4>
        <FormattedMessage id="followups.goals.title" defaultMessage="Goals agreed with the patient" />
      </h4>
      {list.length === 0 && (
        <p className="detail__empty">
          <FormattedMessage id="followups.goals.none" defaultMessage="No goal yet." />
        </p>
      )}
      <ul className="consent__list">
        {list.map((g) => (
          <li key={g.id} className="consent__row">
            <span className="consent__name">“{g.words}”</span>
            <span className={`pill${g.status === 'active' ? '' : ' pill--muted'}`}>{intl.formatMessage(goalStatusNames[g.status])}</span>
            <span className="muted">
              <FormattedMessage
                id="followups.goals.line"
                defaultMessage="Set {setOn}{target, select, none {} other {, target {target}}}. Patient: {patient}. Therapist: {therapist}."
                values={{ setOn: g.setOn, target: g.targetDate ?? 'none', patient: g.patientCommits || '—', therapist: g.therapistCommits || '—' }}
              />
            </span>
            {live && (
              <button type="button" className="button button--small" onClick={() => setEditing(g)}>
                <FormattedMessage id="followups.goals.review" defaultMessage="Review" />
              </button>
            )}
          </li>
        ))}
      </ul>
      {live && editing === null && (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          <FormattedMessage id="followups.goals.add" defaultMessage="Add a goal" />
        </button>
      )}
      {editing !== null && <GoalForm patientId={patientId} goal={editing === 'new' ? null : editing} fromIntake={goals.data?.fromIntake ?? null} onDone={() => setEditing(null)} />}
    </div>
  );
}

function GoalForm({ patientId, goal, fromIntake, onDone }: { patientId: string; goal: Goal | null; fromIntake: string | null; onDone(): void }) {
  const intl = useIntl();
  const save = useWrite('followups.saveGoal');
  const [v, setV] = useState({
    words: goal?.words ?? fromIntake ?? '',
    patientCommits: goal?.patientCommits ?? '',
    therapistCommits: goal?.therapistCommits ?? '',
    targetDate: goal?.targetDate ?? '',
    status: goal?.status ?? 'active',
    note: '',
  });
  const [fields, setFields] = useState<Fields>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await save.mutateAsync({
      id: goal?.id, patientId, words: v.words, patientCommits: v.patientCommits, therapistCommits: v.therapistCommits,
      targetDate: v.targetDate || null, status: v.status as Goal['status'], note: v.note, fromIntake: !goal && fromIntake !== null && v.words === fromIntake,
    });
    if (r.ok) return onDone();
    setFields(r.error.fields ?? {});
    setProblem(r.error.message);
  }
  return (
    <form onSubmit={submit} noValidate className="followups__form" aria-label={intl.formatMessage({ id: 'followups.goals.form', defaultMessage: 'Goal' })}>
      <TextField required autoFocus label={intl.formatMessage({ id: 'followups.goals.words', defaultMessage: 'The goal, in the patient’s words' })} value={v.words} onChange={set('words')} error={fields.words}
        hint={!goal && fromIntake ? intl.formatMessage({ id: 'followups.goals.fromIntake', defaultMessage: 'From the intake: what the patient hopes to get from treatment.' }) : undefined} />
      <div className="grid grid--2">
        <TextArea label={intl.formatMessage({ id: 'followups.goals.patientCommits', defaultMessage: 'The patient commits to' })} value={v.patientCommits} onChange={set('patientCommits')} error={fields.patientCommits} rows={2} />
        <TextArea label={intl.formatMessage({ id: 'followups.goals.therapistCommits', defaultMessage: 'The therapist commits to' })} value={v.therapistCommits} onChange={set('therapistCommits')} error={fields.therapistCommits} rows={2} />
        <TextField type="date" label={intl.formatMessage({ id: 'followups.goals.target', defaultMessage: 'Target date' })} value={v.targetDate} onChange={set('targetDate')} error={fields.targetDate} />
        {goal && (
          <SelectField label={intl.formatMessage({ id: 'followups.goals.status', defaultMessage: 'Status' })} value={v.status} onChange={set('status')} error={fields.status}
            options={goalStatuses.map((s) => ({ value: s, label: intl.formatMessage(goalStatusNames[s]) }))} />
        )}
      </div>
      {goal && <TextArea label={intl.formatMessage({ id: 'followups.goals.note', defaultMessage: 'What was said at this review' })} value={v.note} onChange={set('note')} error={fields.note} rows={2} />}
      <Problem message={problem} />
      <Actions submit={<FormattedMessage id="followups.goals.save" defaultMessage="Save goal" />} busy={save.isPending} onCancel={onDone} />
    </form>
  );
}

function Homecare({ patientId, live }: { patientId: string; live: boolean }) {
  const intl = useIntl();
  const dayOf = useClinicDate();
  const plans = useRead('followups.plans', { patientId });
  const [giving, setGiving] = useState(false);
  const [recording, setRecording] = useState(false);
  const current = plans.data?.find((p) => p.current) ?? null;
  return (
    <div>
      <h4>
        <FormattedMessage id="followups.plan.title" defaultMessage="Homecare plan" />
      </h4>
      {current ? (
        <>
          <p className="muted">
            <FormattedMessage id="followups.plan.given" defaultMessage="Given {day} by {by}" values={{ day: current.givenOn, by: current.givenBy || '—' }} />
          </p>
          <ul>
            {current.items.map((i, n) => (
              <li key={n}>
                <strong>{i.what}</strong> — {i.howOften}, {i.howLong}
              </li>
            ))}
          </ul>
          {current.adherence.map((a) => (
            <p key={a.id} className="muted">
              <FormattedMessage
                id="followups.plan.adherenceLine"
                defaultMessage="{day}: did {level}{barriers, select, none {} other {; in the way: {barriers}}}"
                values={{ day: dayOf(a.at), level: intl.formatMessage(levelNames[a.level]).toLowerCase(), barriers: a.barriers.length ? a.barriers.map((b) => intl.formatMessage(barrierNames[b])).join(', ') : 'none' }}
              />
            </p>
          ))}
        </>
      ) : (
        <p className="detail__empty">
          <FormattedMessage id="followups.plan.none" defaultMessage="No homecare plan given." />
        </p>
      )}
      {live && (
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => setGiving(true)}>
            <FormattedMessage id="followups.plan.give" defaultMessage="Give a new plan" />
          </button>
          {current && (
            <button type="button" className="button button--small" onClick={() => setRecording(true)}>
              <FormattedMessage id="followups.plan.record" defaultMessage="Record adherence" />
            </button>
          )}
        </div>
      )}
      {giving && <PlanForm patientId={patientId} onDone={() => setGiving(false)} />}
      {recording && current && <AdherenceForm plan={current} onDone={() => setRecording(false)} />}
    </div>
  );
}

const emptyItem = { what: '', howOften: '', howLong: '' };

function PlanForm({ patientId, onDone }: { patientId: string; onDone(): void }) {
  const intl = useIntl();
  const give = useWrite('followups.givePlan');
  const [items, setItems] = useState([emptyItem]);
  const [fields, setFields] = useState<Fields>({});
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await give.mutateAsync({ patientId, items });
    if (r.ok) return onDone();
    setFields(r.error.fields ?? {});
    setProblem(r.error.message);
  }
  const change = (n: number, k: keyof typeof emptyItem) => (e: { target: { value: string } }) => setItems(items.map((it, i) => (i === n ? { ...it, [k]: e.target.value } : it)));
  return (
    <form onSubmit={submit} noValidate className="followups__form" aria-label={intl.formatMessage({ id: 'followups.plan.form', defaultMessage: 'New homecare plan' })}>
      <p className="muted">
        <FormattedMessage id="followups.plan.hint" defaultMessage="Fewer than four exercises are easier to keep up." />
      </p>
      {items.map((it, n) => (
        <div className="grid grid--3" key={n}>
          <TextField required autoFocus={n === items.length - 1} label={intl.formatMessage({ id: 'followups.plan.what', defaultMessage: 'Exercise or self-care {n}' }, { n: n + 1 })} value={it.what} onChange={change(n, 'what')} error={fields[`items.${n}.what`]} />
          <TextField required label={intl.formatMessage({ id: 'followups.plan.howOften', defaultMessage: 'How often' })} value={it.howOften} onChange={change(n, 'howOften')} error={fields[`items.${n}.howOften`]} />
          <TextField required label={intl.formatMessage({ id: 'followups.plan.howLong', defaultMessage: 'For how long' })} value={it.howLong} onChange={change(n, 'howLong')} error={fields[`items.${n}.howLong`]} />
        </div>
      ))}
      {fields.items && <p className="field__error">{fields.items}</p>}
      <Problem message={problem} />
      <p>
        <button type="button" className="button button--small" onClick={() => setItems([...items, emptyItem])} disabled={items.length >= 8}>
          <FormattedMessage id="followups.plan.addItem" defaultMessage="Add an item" />
        </button>
      </p>
      <Actions submit={<FormattedMessage id="followups.plan.save" defaultMessage="Give this plan" />} busy={give.isPending} onCancel={onDone} />
    </form>
  );
}

function AdherenceForm({ plan, onDone }: { plan: Plan; onDone(): void }) {
  const intl = useIntl();
  const record = useWrite('followups.recordAdherence');
  const [level, setLevel] = useState<Plan['adherence'][number]['level'] | ''>('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<Fields>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await record.mutateAsync({ planId: plan.id, level: level as 'all', barriers: chosen as Plan['adherence'][number]['barriers'], barrierNote: note });
    if (r.ok) return onDone();
    setFields(r.error.fields ?? {});
  }
  return (
    <form onSubmit={submit} noValidate className="followups__form" aria-label={intl.formatMessage({ id: 'followups.adherence.form', defaultMessage: 'Adherence to the homecare plan' })}>
      <fieldset className={`field${fields.level ? ' field--invalid' : ''}`}>
        <legend className="field__label">
          <FormattedMessage id="followups.adherence.level" defaultMessage="How much of the plan did the patient do?" />
        </legend>
        {adherenceLevels.map((l, i) => (
          <label key={l} className="checkbox">
            <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} autoFocus={i === 0} /> {intl.formatMessage(levelNames[l])}
          </label>
        ))}
        {fields.level && <span className="field__error">{fields.level}</span>}
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">
          <FormattedMessage id="followups.adherence.barriers" defaultMessage="What got in the way" />
        </legend>
        {barriers.map((b) => (
          <label key={b} className="checkbox">
            <input type="checkbox" checked={chosen.includes(b)} onChange={(e) => setChosen(e.target.checked ? [...chosen, b] : chosen.filter((x) => x !== b))} /> {intl.formatMessage(barrierNames[b])}
          </label>
        ))}
      </fieldset>
      <TextField label={intl.formatMessage({ id: 'followups.adherence.note', defaultMessage: 'In the patient’s words' })} value={note} onChange={(e) => setNote(e.target.value)} error={fields.barrierNote} />
      <Actions submit={<FormattedMessage id="followups.adherence.save" defaultMessage="Save adherence" />} busy={record.isPending} onCancel={onDone} />
    </form>
  );
}
