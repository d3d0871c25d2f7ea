import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Patient } from '../../shared/contract/patients';
import { useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { Actions } from '../ui/FormEnd';

/** Archiving keeps the record (records are retained by law); it only leaves the active list. */
export function ArchiveDialog({ patient, open, onClose }: { patient: Patient; open: boolean; onClose(): void }) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const action = useFormAction();
  const archive = useWrite('patients.archive');

  const close = () => {
    setReason('');
    action.clear();
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => archive.mutateAsync({ id: patient.id, reason, expectedUpdatedAt: patient.updatedAt }));
    if (result.ok) close();
  }

  return (
    <Dialog title={intl.formatMessage({ id: 'patients.archive.title', defaultMessage: 'Archive {name}?' }, { name: `${patient.firstName} ${patient.lastName}` })} open={open} onClose={close} dirty={reason.trim() !== ''}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary {...action.summary} />
        <p>
          <FormattedMessage id="patients.archive.why" defaultMessage="The record stays on file and can be restored. It no longer shows in searches unless you include archived patients." />
        </p>
        <TextField
          label={intl.formatMessage({ id: 'patients.archive.reason', defaultMessage: 'Reason for archiving' })}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={action.errors.reason}
          autoFocus
          hint={intl.formatMessage({ id: 'patients.archive.reasonHint', defaultMessage: 'For example: moved away, duplicate record' })}
        />
        <Actions
          submit={intl.formatMessage({ id: 'patients.archive.submit', defaultMessage: 'Archive patient' })}
          tone="danger"
          busy={archive.isPending}
          onCancel={close}
          cancel={intl.formatMessage({ id: 'patients.archive.keep', defaultMessage: 'Keep active' })}
        />
      </form>
    </Dialog>
  );
}
