import { performance } from 'node:perf_hooks';

/** The q-quantile of `xs` by nearest rank: what every bench here prints as p50 and p95. */
export function p(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The CPU time this process has spent since `since`, in ms: every thread, SQLite's too. */
export function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/**
 * Times `fn`: `warmUp` untimed runs, then `runs` timed ones. Gives each run's wall time,
 * and its CPU time, which waiting for one of the two cores does not inflate. `before`
 * runs untimed ahead of each timed run (to undo a cache the run would otherwise reuse).
 */
export async function timeRuns(fn: () => Promise<unknown>, options: { runs: number; warmUp: number; before?: () => Promise<unknown> }): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < options.warmUp; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    await options.before?.();
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  return { wall, cpu };
}
