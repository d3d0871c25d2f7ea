import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BackupSummary } from '../../shared/contract/backup';
import { useRead } from '../ipc/hooks';
import { call } from '../ipc/client';
import { Dialog } from '../ui/Dialog';
import { Problem } from '../ui/FormEnd';
import { size, when } from './words';

/** The backups in the folder, newest first; each can be checked, then restored. */
export function BackupList({ running }: { running: boolean }) {
  const list = useRead('backup.list', {});
  const [chosen, setChosen] = useState<BackupSummary | null>(null);
  const [restored, setRestored] = useState<BackupSummary | null>(null);
  const backups = list.data?.backups ?? [];
  return (
    <section className="settings__data" aria-labelledby="backup-list-h">
      <h2 id="backup-list-h">Backups in the folder</h2>
      {restored && (
        <p className="banner banner--ok" role="status">
          Restored the backup of {when(restored.createdAt)}. The data from before was set aside: “Undo the last restore” puts it back.
        </p>
      )}
      {list.isError && <Problem message={list.error.message} />}
      {backups.length === 0 ? (
        <p className="muted">No backups in this folder yet.</p>
      ) : (
        <table className="backup__table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Patients</th>
              <th scope="col">Consents</th>
              <th scope="col">Documents</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <th scope="row">{when(b.createdAt)}</th>
                <td>{b.patients}</td>
                <td>{b.consents}</td>
                <td>{b.documents}</td>
                <td>{size(b.bytes)}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => setChosen(b)} disabled={running} aria-label={`Restore the backup of ${when(b.createdAt)}…`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title="Restore a backup" open={chosen !== null} onClose={() => setChosen(null)} wide>
        {chosen && (
          <RestoreSteps
            backup={chosen}
            onCancel={() => setChosen(null)}
            onRestored={(b) => {
              setChosen(null);
              setRestored(b);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

/** See what it holds, check it, then restore: the restore button waits for a good check. */
function RestoreSteps({ backup, onCancel, onRestored }: { backup: BackupSummary; onCancel(): void; onRestored(b: BackupSummary): void }) {
  const client = useQueryClient();
  const [checked, setChecked] = useState<BackupSummary | null>(null);
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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
    onRestored(r.value.restored);
  }

  return (
    <div>
      <dl className="detail">
        <div className="detail__item">
          <dt>Taken</dt>
          <dd>{when(backup.createdAt)}</dd>
        </div>
        <div className="detail__item">
          <dt>Holds</dt>
          <dd>
            {backup.patients} patients, {backup.consents} consents, {backup.documents} documents ({size(backup.bytes)})
          </dd>
        </div>
      </dl>
      <p>Restoring replaces the data in use now with this backup. The current data is set aside whole first, so the restore can be undone. Work recorded since this backup will not be in the restored data.</p>
      {checked ? (
        <p className="banner banner--ok" role="status">
          Checked: every file is as it was written, and the database passes its integrity check.
        </p>
      ) : null}
      <Problem message={problem} />
      <div className="actions">
        {checked ? (
          <button type="button" className="button button--danger" onClick={run} disabled={busy !== null} autoFocus /* the check replaced the button that had focus */>
            {busy === 'restoring' ? 'Restoring…' : 'Restore this backup'}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={verify} disabled={busy !== null}>
            {busy === 'checking' ? 'Checking…' : 'Check this backup'}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} disabled={busy === 'restoring'}>
          Cancel
        </button>
      </div>
    </div>
  );
}
