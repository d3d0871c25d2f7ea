import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who the current call is made by, for the audit entries it writes. The dispatcher
 * sets it from the session around each handler, so every service that appends to the
 * audit log gets the signed-in person without taking it as an argument: none can
 * forget it, and none can be handed a typed name instead.
 */
const store = new AsyncLocalStorage<{ actor: string | null }>();

export function runAs<T>(actor: string | null, fn: () => Promise<T>): Promise<T> {
  return store.run({ actor }, fn);
}

/** The staff id of whoever made this call; null outside a call (start-up checks) or before anyone signed in. */
export function currentActor(): string | null {
  return store.getStore()?.actor ?? null;
}
