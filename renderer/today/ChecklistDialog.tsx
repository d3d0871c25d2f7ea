import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Appointment } from '../../shared/contract/appointments';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { Actions, Problem } from '../ui/FormEnd';
import { useWallClock } from '../appointments/clock';

/**
 * The safety checklist for one visit, ticked in front of the patient: what is already
 * ticked says by whom and when (quiet); what is left is a checkbox, ticked by default
 * when the desk opens it to record what was just done.
 */
export function ChecklistDialog({ appointment, timeZone, onClose }: { appointment: Appointment; timeZone: string; onClose(): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  const visit = useRead('checklist.forVisit', { appointmentId: appointment.id });
  const tick = useWrite('checklist.tick');
  const [unticked, setUnticked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fr = intl.locale.startsWith('fr');
  const title = intl.formatMessage({ id: 'today.checklist.title', defaultMessage: 'Safety checklist: {name}, {time}, {room}' }, { name: appointment.patientName, time: clock.time(appointment.start), room: appointment.roomName });
  const data = visit.data;
  const done = new Map((data?.ticks ?? []).map((t) => [t.itemId, t]));
  const left = (data?.items ?? []).filter((i) => i.active && !done.has(i.id));
  const chosen = left.filter((i) => !unticked.includes(i.id)).map((i) => i.id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await tick.mutateAsync({ appointmentId: appointment.id, itemIds: chosen });
    if (r.ok) onClose();
    else setError(r.error.fields?.itemIds ? intl.formatMessage({ id: 'today.checklist.tickOne', defaultMessage: 'Tick at least one item.' }) : r.error.message);
  }
  const at = (iso: string) => intl.formatTime(iso, { timeZone, hour: '2-digit', minute: '2-digit' });

  return (
    <Dialog title={title} open onClose={onClose}>
      <Problem message={visit.error?.message} />
      {data && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {done.size > 0 && (
            <ul className="checklist__done">
              {[...done.values()].map((t) => (
                <li key={t.itemId} className="step step--done">
                  {intl.formatMessage({ id: 'today.checklist.ticked', defaultMessage: '✓ {item} ({who}, {time})' }, { item: t.text, who: t.tickedBy ?? '—', time: at(t.tickedAt) })}
                </li>
              ))}
            </ul>
          )}
          {left.length > 0 ? (
            <fieldset>
              <legend>{intl.formatMessage({ id: 'today.checklist.legend', defaultMessage: 'Done now, in front of the patient' })}</legend>
              {left.map((i) => (
                <label key={i.id} className="checkbox">
                  <input type="checkbox" checked={chosen.includes(i.id)} onChange={(e) => setUnticked(e.target.checked ? unticked.filter((x) => x !== i.id) : [...unticked, i.id])} />
                  {fr ? i.fr : i.en}
                </label>
              ))}
            </fieldset>
          ) : (
            <p>{intl.formatMessage({ id: 'today.checklist.allDone', defaultMessage: 'Every item is ticked for this visit.' })}</p>
          )}
          <Problem message={error} />
          {left.length > 0 && (
            <Actions
              submit={intl.formatMessage({ id: 'today.checklist.save', defaultMessage: 'Record the ticked items' })}
              busy={tick.isPending}
              onCancel={onClose}
            />
          )}
        </form>
      )}
    </Dialog>
  );
}
