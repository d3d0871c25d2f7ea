import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { backupContract, type BackupStatus } from '../../shared/contract/backup';
import { keys, useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { check } from '../ui/form';
import { phaseText, warningText, when } from './words';
import { BackupList } from './BackupList';

/**
 * Backups: where they go, the last good one, "back up now" with its progress, and the
 * backups in the folder, each of which can be checked and restored (RestoreDialog).
 */
export function BackupScreen() {
  const status = useRead('backup.status', {});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  useEffect(() => headingRef.current?.focus(), []);
  // The status line polls while a backup runs; when it ends, the list has a new backup.
  const running = Boolean(status.data?.running);
  useEffect(() => {
    if (!running) void client.invalidateQueries({ queryKey: keys.channel('backup.list') });
  }, [running, client]);
  return (
    <div className="settings backup">
      <h1 className="screen-title" tabIndex={-1} ref={headingRef}>
        Backups
      </h1>
      {status.data && <Now status={status.data} />}
      {status.data && <FolderForm status={status.data} />}
      {status.data?.folder && status.data.folderAvailable && <BackupList running={Boolean(status.data.running)} />}
    </div>
  );
}

function Now({ status }: { status: BackupStatus }) {
  const start = useWrite('backup.start', ['backup.status']);
  const undo = useWrite('backup.undoRestore', []);
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function backUp() {
    setProblem(null);
    const r = await start.mutateAsync({});
    if (!r.ok) setProblem(r.error.fields?.folder ? `${r.error.message}.` : r.error.message);
  }

  async function undoRestore() {
    const r = await undo.mutateAsync({});
    if (!r.ok) return setProblem(r.error.message);
    // Everything on screen came from the data that was just put back.
    await client.invalidateQueries();
    setDone('The restore was undone: the data from before it is back in use.');
  }

  return (
    <section className="settings__data" aria-labelledby="backup-now-h">
      <h2 id="backup-now-h">Last good backup</h2>
      <p className="backup__last">{status.lastGoodAt ? when(status.lastGoodAt) : 'None yet'}</p>
      {status.warning !== 'none' && !status.running && (
        <p className="banner banner--warning" role="status">
          {warningText[status.warning]} {status.warning === 'failed' && status.lastError}
        </p>
      )}
      <p className="pane__hint">Rapport backs up every day and when it closes, and checks each backup before it counts. Seven daily, four weekly and twelve monthly backups are kept.</p>
      {status.running ? (
        <div className="backup__progress">
          <label htmlFor="backup-progress">{phaseText[status.running.phase]}…</label>
          <progress id="backup-progress" max={1} value={status.running.fraction}>
            {Math.round(status.running.fraction * 100)}%
          </progress>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={backUp} disabled={!status.folder || start.isPending}>
            Back up now
          </button>
          {status.canUndoRestore && (
            <button type="button" className="button" onClick={undoRestore} disabled={undo.isPending}>
              Undo the last restore
            </button>
          )}
        </div>
      )}
      {done && (
        <p className="banner banner--ok" role="status">
          {done}
        </p>
      )}
      <Problem message={problem} />
    </section>
  );
}

function FolderForm({ status }: { status: BackupStatus }) {
  const [folder, setFolder] = useState(status.folder ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const save = useWrite('backup.setFolder', ['backup.status', 'backup.list']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local = check(backupContract['backup.setFolder'].input, { folder });
    const r = local.ok ? await save.mutateAsync({ folder }) : null;
    setError(!local.ok ? local.fields.folder : r && !r.ok ? r.error.fields?.folder ?? r.error.message : undefined);
    if (r?.ok) setSaved(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="backup-folder-h">
      <h2 id="backup-folder-h">Backup folder</h2>
      <TextField
        label="Folder for backups"
        value={folder}
        onChange={(e) => setFolder(e.target.value)}
        error={error}
        required
        hint="A USB drive, a second disk or a network share: not the disk Rapport's data is on. For example E:\Rapport backups"
      />
      {saved && (
        <p className="banner banner--ok" role="status">
          Backups will go to this folder.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Save folder
        </button>
      </div>
    </form>
  );
}
