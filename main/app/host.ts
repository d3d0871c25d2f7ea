import type { Dispatch } from '../ipc/dispatcher';
import { createApp, type App, type AppDeps } from './context';

/**
 * Holds the running app, so it can be closed and opened again on the same paths
 * without the process restarting (a restore swaps the data underneath). Electron's
 * main and the browser harness hold the host's `dispatch`, which always reaches the
 * app of the moment; a call that arrives mid-swap waits for the new one.
 */
export async function hostApp(deps: Omit<AppDeps, 'restart'>) {
  let app: App;
  let swapping: Promise<unknown> = Promise.resolve();

  async function restart(between: () => Promise<void>): Promise<App> {
    const done = (async () => {
      await app.close({ fromCall: true });
      let failure: unknown = null;
      try {
        await between();
      } catch (e) {
        failure = e;
      }
      // Opened again whatever happened: on the new data, or on the old data put back.
      app = await createApp({ ...deps, restart });
      if (failure) throw failure;
      return app;
    })();
    swapping = done.catch(() => undefined);
    return done;
  }

  app = await createApp({ ...deps, restart });
  const dispatch: Dispatch = async (channel, input) => {
    await swapping;
    return app.dispatch(channel, input);
  };
  return {
    dispatch,
    /** The app of the moment, for tests and the shell; do not keep it across a restore. */
    current: () => app,
    close: async (options?: Parameters<App['close']>[0]) => {
      await swapping;
      await app.close(options);
    },
  };
}
export type AppHost = Awaited<ReturnType<typeof hostApp>>;
