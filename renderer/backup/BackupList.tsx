import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import type { BackupSummary } from '../../shared/contract/backup';
import { useRead } from '../ipc/hooks';
import { call } from '../ipc/client';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { Done, Problem } from '../ui/FormEnd';
import { size, when } from './words';

/** The backups in the folder, newest first; each can be checked, then restored. */
export function BackupList({ running }: { running: boolean }) {
  const list = useRead('backup.list', {});
  const [chosen, setChosen] = useState<BackupSummary | null>(null);
  const intl = useIntl();
  return (
    <section className="settings__data" aria-labelledby="backup-list-h">
      <h2 id="backup-list-h">
        <FormattedMessage id="backup.list.title" defaultMessage="Backups in the folder" />
      </h2>
      {list.isError && <Problem message={list.error.message} />}
      <DataTable
        caption={<FormattedMessage id="backup.list.caption" defaultMessage="Backups, newest first" />}
        columns={[
          { header: <FormattedMessage id="backup.list.taken" defaultMessage="Taken" />, cell: (b) => when(intl, b.createdAt) },
          { header: <FormattedMessage id="backup.list.patients" defaultMessage="Patients" />, cell: (b) => b.patients },
          { header: <FormattedMessage id="backup.list.consents" defaultMessage="Consents" />, cell: (b) => b.consents },
          { header: <FormattedMessage id="backup.list.documents" defaultMessage="Documents" />, cell: (b) => b.documents },
          { header: <FormattedMessage id="backup.list.size" defaultMessage="Size" />, cell: (b) => size(intl, b.bytes) },
        ]}
        rows={list.data?.backups}
        rowKey={(b) => b.name}
        actions={(b) => (
          <button type="button" className="button button--small" onClick={() => setChosen(b)} disabled={running} aria-label={intl.formatMessage({ id: 'backup.list.restoreOne', defaultMessage: 'Restore the backup of {when}…' }, { when: when(intl, b.createdAt) })}>
            <FormattedMessage id="backup.list.restore" defaultMessage="Restore…" />
          </button>
        )}
        empty={<FormattedMessage id="backup.list.none" defaultMessage="No backups in this folder yet." />}
      />
      <Dialog title={intl.formatMessage({ id: 'backup.restore.title', defaultMessage: 'Restore a backup' })} open={chosen !== null} onClose={() => setChosen(null)} wide>
        {chosen && (
          <RestoreSteps
            backup={chosen}
            onCancel={() => setChosen(null)}
            onRestored={() => setChosen(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

/** See what it holds, check it, then restore: the restore button waits for a good check. */
function RestoreSteps({ backup, onCancel, onRestored }: { backup: BackupSummary; onCancel(): void; onRestored(): void }) {
  const client = useQueryClient();
  const [checked, setChecked] = useState<BackupSummary | null>(null);
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const intl = useIntl();

  async function verify() {
    setBusy('checking');
    setProblem(null);
    const r = await call('backup.verify', { name: backup.name });
    setBusy(null);
    if (r.ok) setChecked(r.value);
    else setProblem(r.error.message);
  }

  async function run() {
    setBusy('restoring');
    setProblem(null);
    const r = await call('backup.restore', { name: backup.name });
    setBusy(null);
    if (!r.ok) return setProblem(r.error.message);
    // The answer comes after main has reopened on the restored data: everything shown is stale.
    await client.invalidateQueries();
    onRestored();
  }

  return (
    <div>
      <dl className="detail">
        <div className="detail__item">
          <dt>
            <FormattedMessage id="backup.list.taken" defaultMessage="Taken" />
          </dt>
          <dd>{when(intl, backup.createdAt)}</dd>
        </div>
        <div className="detail__item">
          <dt>
            <FormattedMessage id="backup.restore.holds" defaultMessage="Holds" />
          </dt>
          <dd>
            <FormattedMessage
              id="backup.restore.contents"
              defaultMessage="{patients, plural, one {# patient} other {# patients}}, {consents, plural, one {# consent} other {# consents}}, {documents, plural, one {# document} other {# documents}} ({size})"
              values={{ patients: backup.patients, consents: backup.consents, documents: backup.documents, size: size(intl, backup.bytes) }}
            />
          </dd>
        </div>
      </dl>
      <p>
        <FormattedMessage
          id="backup.restore.explain"
          defaultMessage="Restoring replaces the data in use now with this backup. The current data is set aside whole first, so the restore can be undone. Work recorded since this backup will not be in the restored data."
        />
      </p>
      <Done>{checked && <FormattedMessage id="backup.restore.checked" defaultMessage="Checked: every file is as it was written, and the database passes its integrity check." />}</Done>
      <Problem message={problem} />
      <div className="actions">
        {checked ? (
          <button type="button" className="button button--danger" onClick={run} disabled={busy !== null} autoFocus /* the check replaced the button that had focus */>
            {busy === 'restoring' ? <FormattedMessage id="backup.restore.running" defaultMessage="Restoring…" /> : <FormattedMessage id="backup.restore.run" defaultMessage="Restore this backup" />}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={verify} disabled={busy !== null}>
            {busy === 'checking' ? <FormattedMessage id="backup.restore.checking" defaultMessage="Checking…" /> : <FormattedMessage id="backup.restore.check" defaultMessage="Check this backup" />}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} disabled={busy === 'restoring'}>
          <FormattedMessage id="backup.restore.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </div>
  );
}
