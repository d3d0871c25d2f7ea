import type { DataPaths } from '../app/paths';
import type { KeyValueStore } from '../settings/service';
import type { SettingsFile } from '../backup/restore';
import { checkStartup, type StartupProbes, type StartupProblem } from './checks';
import { restoreBeforeStart } from './recover';
import { say } from '../../shared/messages';

export type StartupAnswer = 'quit' | 'continue' | 'restore';

/**
 * The checks as the shell runs them: each problem is shown (`ask`, a plain window in
 * Electron) and answered; a warning may be passed, a stop ends the start unless its
 * offer (restore the last good backup) is taken and works. Never a silent exit: every
 * path that does not start has shown its reason first.
 */
export async function runStartupChecks(options: {
  paths: DataPaths;
  probes: StartupProbes;
  openStore: () => KeyValueStore & SettingsFile;
  ask: (problem: StartupProblem) => Promise<StartupAnswer>;
  now?: () => Date;
}): Promise<{ go: true; release: (() => Promise<void>) | null } | { go: false }> {
  const { paths, ask } = options;
  const result = await checkStartup(paths, options.probes);
  for (const problem of result.problems) {
    const answer = await ask(problem);
    if (problem.severity === 'warn' && answer !== 'quit') continue;
    if (problem.offer && answer === 'restore') {
      const restored = await restoreBeforeStart(paths, options.openStore(), problem.offer.name, options.now?.());
      if (restored.ok) return runStartupChecks({ ...options });
      await ask({ ...problem, message: say('startup.restoreFailed', { reason: restored.reason }), offer: null });
    }
    await result.release?.();
    return { go: false };
  }
  return { go: true, release: result.release };
}
