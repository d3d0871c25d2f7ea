import type { BackupStatus } from '../../shared/contract/backup';

/** How the desk reads backup states: what happened, and what to do about it. */
export const warningText: Record<Exclude<BackupStatus['warning'], 'none'>, string> = {
  no_folder: 'No backups yet: choose a backup folder.',
  folder_missing: 'The backup folder cannot be found: connect the backup drive.',
  failed: 'The last backup failed.',
  never: 'No backup yet: back up now.',
  stale: 'The last backup is more than two days old: back up now.',
};

export const phaseText: Record<NonNullable<BackupStatus['running']>['phase'], string> = {
  database: 'Copying the database',
  documents: 'Copying signed documents',
  verifying: 'Checking the backup',
  finishing: 'Finishing',
};

/** "today 13:05", "yesterday 18:00", or the date: staff read it at a glance. */
export function when(iso: string, now = new Date()): string {
  const t = new Date(iso);
  const time = t.toLocaleTimeString('en-CA', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const days = Math.round((startOfDay(now) - startOfDay(t)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `yesterday ${time}`;
  return `${t.toLocaleDateString('en-CA', { year: 'numeric', month: 'short', day: 'numeric' })} ${time}`;
}
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();

export function size(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
