import { backupNamePattern } from '../../shared/contract/backup';

/** `rapport-20261130T131500Z`: sorts by time, names no one, and is one path segment. */
export function backupFolderName(at: Date): string {
  return `rapport-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
}

export function backupTime(name: string): Date | null {
  if (!backupNamePattern.test(name)) return null;
  const s = name.slice('rapport-'.length);
  const t = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
  return Number.isNaN(t.getTime()) ? null : t;
}

/** Monday-based week key, so a week's backups share one bucket whatever month it spans. */
function weekKey(t: Date): string {
  const monday = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() - ((t.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

export const retention = { daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months
 * that have one (grandfather-father-son). Pure, so the calendar cases are tested alone.
 */
export function backupsToKeep(names: readonly string[]): Set<string> {
  const dated = names.flatMap((n) => {
    const t = backupTime(n);
    return t ? [{ n, t }] : [];
  });
  dated.sort((a, b) => b.t.getTime() - a.t.getTime());
  const keep = new Set<string>();
  const buckets: Array<[number, (t: Date) => string]> = [
    [retention.daily, (t) => t.toISOString().slice(0, 10)],
    [retention.weekly, weekKey],
    [retention.monthly, (t) => t.toISOString().slice(0, 7)],
  ];
  for (const [count, key] of buckets) {
    const seen = new Set<string>();
    for (const { n, t } of dated) {
      const k = key(t);
      if (seen.has(k)) continue;
      if (seen.size === count) break;
      seen.add(k);
      keep.add(n);
    }
  }
  return keep;
}
