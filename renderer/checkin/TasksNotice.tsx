import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { TherapistTask } from '../../shared/contract/checkin';
import { dayIn } from '../../shared/time';
import { href } from '../app/route';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { TextArea } from '../ui/Field';
import { Problem } from '../ui/FormEnd';

/** One task: who, when, what the patient said (or which theme fell), and the note that closes it. */
function Task({ task, timeZone }: { task: TherapistTask; timeZone: string }) {
  const intl = useIntl();
  const close = useWrite('checkin.closeTask');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await close.mutateAsync({ taskId: task.id, note });
    if (!r.ok) setError(r.error.fields?.note ?? r.error.message);
  }
  return (
    <li className="checkin-task">
      <h3>
        <a href={href({ screen: 'patients', patientId: task.patientId })}>{task.patientName}</a>
        {' · '}
        <FormattedMessage id="checkin.tasks.when" defaultMessage="check-in of {day}" values={{ day: dayIn(timeZone, task.takenAt) }} />
        {task.therapistId === null && (
          <>
            {' · '}
            <FormattedMessage id="checkin.tasks.unassigned" defaultMessage="no visit yet: no therapist" />
          </>
        )}
      </h3>
      <ul>
        {task.reasons.map((r, i) => (
          <li key={i}>
            {r.kind === 'low' ? (
              <FormattedMessage id="checkin.tasks.low" defaultMessage="Answered {value} to “{text}”" values={{ value: r.value, text: r.text }} />
            ) : (
              <FormattedMessage id="checkin.tasks.drop" defaultMessage="Theme “{theme}” fell from {previous} to {score}" values={{ theme: r.theme, previous: r.previous, score: r.score }} />
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <TextArea
          label={intl.formatMessage({ id: 'checkin.tasks.note', defaultMessage: 'What was done (closes the task)' })}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={error}
        />
        <button type="submit" className="button" disabled={close.isPending}>
          <FormattedMessage id="checkin.tasks.close" defaultMessage="Close with this note" />
        </button>
      </form>
    </li>
  );
}

/**
 * What a therapist sees after signing in: their open tasks from check-ins, loud while
 * any are open; the list opens in a dialog, where each closes with a note. Main decides
 * whose tasks they are (main/checkin/handlers.ts).
 */
export function TasksNotice() {
  const intl = useIntl();
  const tasks = useRead('checkin.tasks', { status: 'open' });
  const clinic = useRead('settings.get', {});
  const [open, setOpen] = useState(false);
  const list = tasks.data?.tasks ?? [];
  if (tasks.isError) return <Problem message={tasks.error.message} />;
  if (list.length === 0 && !open) return null;
  return (
    <>
      <div className="banner banner--warning" role="status">
        <FormattedMessage id="checkin.tasks.notice" defaultMessage="{count, plural, one {You have # open task from check-ins.} other {You have # open tasks from check-ins.}}" values={{ count: list.length }} />{' '}
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          <FormattedMessage id="checkin.tasks.open" defaultMessage="Open my tasks" />
        </button>
      </div>
      <Dialog title={intl.formatMessage({ id: 'checkin.tasks.title', defaultMessage: 'Tasks from check-ins' })} open={open} onClose={() => setOpen(false)} wide>
        {list.length === 0 ? (
          <p role="status">
            <FormattedMessage id="checkin.tasks.none" defaultMessage="No open tasks. Thank you." />
          </p>
        ) : (
          <ul className="checkin-tasks">
            {list.map((t) => (
              <Task key={t.id} task={t} timeZone={clinic.data?.timeZone ?? 'UTC'} />
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            <FormattedMessage id="checkin.tasks.closeList" defaultMessage="Close the list" />
          </button>
        </div>
      </Dialog>
    </>
  );
}
