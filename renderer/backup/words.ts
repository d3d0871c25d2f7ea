import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { BackupStatus } from '../../shared/contract/backup';

/** How the desk reads backup states: what happened, and what to do about it. */
export const warningText: Record<Exclude<BackupStatus['warning'], 'none'>, MessageDescriptor> = defineMessages({
  no_folder: { id: 'backup.warning.noFolder', defaultMessage: 'No backups yet: choose a backup folder.' },
  folder_missing: { id: 'backup.warning.folderMissing', defaultMessage: 'The backup folder cannot be found: connect the backup drive.' },
  failed: { id: 'backup.warning.failed', defaultMessage: 'The last backup failed.' },
  never: { id: 'backup.warning.never', defaultMessage: 'No backup yet: back up now.' },
  stale: { id: 'backup.warning.stale', defaultMessage: 'The last backup is more than two days old: back up now.' },
});

export const phaseText: Record<NonNullable<BackupStatus['running']>['phase'], MessageDescriptor> = defineMessages({
  database: { id: 'backup.phase.database', defaultMessage: 'Copying the database' },
  documents: { id: 'backup.phase.documents', defaultMessage: 'Copying signed documents' },
  verifying: { id: 'backup.phase.verifying', defaultMessage: 'Checking the backup' },
  finishing: { id: 'backup.phase.finishing', defaultMessage: 'Finishing' },
});

/** "today 13:05", "yesterday 18:00", or the date, in the desk's language: staff read it at a glance. */
export function when(intl: IntlShape, iso: string, now = new Date()): string {
  const t = new Date(iso);
  const time = intl.formatTime(t, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const days = Math.round((startOfDay(now) - startOfDay(t)) / 86_400_000);
  if (days === 0) return intl.formatMessage({ id: 'backup.when.today', defaultMessage: 'today {time}' }, { time });
  if (days === 1) return intl.formatMessage({ id: 'backup.when.yesterday', defaultMessage: 'yesterday {time}' }, { time });
  return `${intl.formatDate(t, { year: 'numeric', month: 'short', day: 'numeric' })} ${time}`;
}
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();

/** Sizes with the desk's decimal mark (1,5 Go in French). */
export function size(intl: IntlShape, bytes: number): string {
  const [value, unit] = bytes >= 1024 ** 3 ? [bytes / 1024 ** 3, 'gigabyte'] : bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'kilobyte' ? 0 : 1, minimumFractionDigits: unit === 'kilobyte' ? 0 : 1 });
}
