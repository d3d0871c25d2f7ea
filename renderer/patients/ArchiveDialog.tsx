import { useState, type FormEvent } from 'react';
import type { Patient } from '../../shared/contract/patients';
import { useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Actions } from '../ui/FormEnd';

/** Archiving keeps the record (records are retained by law); it only leaves the active list. */
export function ArchiveDialog({ patient, open, onClose }: { patient: Patient; open: boolean; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const archive = useWrite('patients.archive', ['patients.search', 'patients.get']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await archive.mutateAsync({ id: patient.id, reason });
    if (result.ok) {
      setReason('');
      onClose();
    } else {
      setError(result.error.fields?.reason ?? result.error.message);
    }
  }

  return (
    <Dialog title={`Archive ${patient.firstName} ${patient.lastName}?`} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>The record stays on file and can be restored. It no longer shows in searches unless you include archived patients.</p>
        <TextField label="Reason for archiving" value={reason} onChange={(e) => setReason(e.target.value)} error={error} autoFocus hint="For example: moved away, duplicate record" />
        <Actions submit="Archive patient" tone="danger" busy={archive.isPending} onCancel={onClose} cancel="Keep active" />
      </form>
    </Dialog>
  );
}
