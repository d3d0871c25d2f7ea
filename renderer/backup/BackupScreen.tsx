import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { backupContract, type BackupStatus } from '../../shared/contract/backup';
import { keys, useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { Done, Problem } from '../ui/FormEnd';
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
        <FormattedMessage id="backup.screen.title" defaultMessage="Backups" />
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
  const intl = useIntl();

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
    setDone(intl.formatMessage({ id: 'backup.screen.undone', defaultMessage: 'The restore was undone: the data from before it is back in use.' }));
  }

  return (
    <section className="settings__data" aria-labelledby="backup-now-h">
      <h2 id="backup-now-h">
        <FormattedMessage id="backup.screen.lastGood" defaultMessage="Last good backup" />
      </h2>
      <p className="backup__last">{status.lastGoodAt ? when(intl, status.lastGoodAt) : <FormattedMessage id="backup.screen.noneYet" defaultMessage="None yet" />}</p>
      {status.warning !== 'none' && !status.running && (
        <p className="banner banner--warning" role="status">
          {intl.formatMessage(warningText[status.warning])} {status.warning === 'failed' && status.lastError}
        </p>
      )}
      <p className="pane__hint">
        <FormattedMessage
          id="backup.screen.how"
          defaultMessage="Rapport backs up every day and when it closes, and checks each backup before it counts. Seven daily, four weekly and twelve monthly backups are kept."
        />
      </p>
      {status.running ? (
        <div className="backup__progress">
          <label htmlFor="backup-progress">{intl.formatMessage(phaseText[status.running.phase])}…</label>
          <progress id="backup-progress" max={1} value={status.running.fraction}>
            {intl.formatNumber(status.running.fraction, { style: 'percent' })}
          </progress>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={backUp} disabled={!status.folder || start.isPending}>
            <FormattedMessage id="backup.screen.now" defaultMessage="Back up now" />
          </button>
          {status.canUndoRestore && (
            <button type="button" className="button" onClick={undoRestore} disabled={undo.isPending}>
              <FormattedMessage id="backup.screen.undo" defaultMessage="Undo the last restore" />
            </button>
          )}
        </div>
      )}
      {/* Said from main's state, not the page's: a restore reopens the app, and the person signs in again. */}
      <Done>{status.canUndoRestore && !status.running && <FormattedMessage id="backup.screen.restored" defaultMessage="A backup was restored. The data from before it was set aside: “Undo the last restore” puts it back." />}</Done>
      <Done>{done}</Done>
      <Problem message={problem} />
    </section>
  );
}

function FolderForm({ status }: { status: BackupStatus }) {
  const [folder, setFolder] = useState(status.folder ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const intl = useIntl();
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
      <h2 id="backup-folder-h">
        <FormattedMessage id="backup.folder.title" defaultMessage="Backup folder" />
      </h2>
      <TextField
        label={intl.formatMessage({ id: 'backup.folder.label', defaultMessage: 'Folder for backups' })}
        value={folder}
        onChange={(e) => setFolder(e.target.value)}
        error={error}
        required
        hint={intl.formatMessage({ id: 'backup.folder.hint', defaultMessage: 'A USB drive, a second disk or a network share: not the disk Rapport’s data is on. For example E:\\Rapport backups' })}
      />
      <Done>{saved && <FormattedMessage id="backup.folder.saved" defaultMessage="Backups will go to this folder." />}</Done>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          <FormattedMessage id="backup.folder.save" defaultMessage="Save folder" />
        </button>
      </div>
    </form>
  );
}
