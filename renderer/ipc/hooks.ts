import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, Input, Output, Result } from '../../shared/contract';
import { call, read } from './client';

/** React Query keys derived from the contract: one key space, one channel per prefix. */
export const keys = {
  channel: (channel: Channel) => [channel] as const,
  call: <C extends Channel>(channel: C, input: Input<C>) => [channel, input] as const,
};

export function useRead<C extends Channel>(channel: C, input: Input<C>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: keys.call(channel, input),
    queryFn: () => read(channel, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * A write that answers with its Result (field errors are for the form, not an
 * exception). When it succeeds, every read is marked stale: the reads on screen are
 * fetched again, the others when next shown. A hand-kept list of what each write
 * touches went stale within weeks (a new clinic name left the consent preview on the
 * old letterhead, issue 7 item 18); re-reading a local SQLite file costs milliseconds.
 *
 * `_formerInvalidates` is ignored. It keeps callers written against the old
 * signature compiling while other branches merge; drop the argument when none pass it.
 */
export function useWrite<C extends Channel>(channel: C, _formerInvalidates?: readonly Channel[]) {
  const client = useQueryClient();
  return useMutation<Result<Output<C>>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    // Awaited: the caller goes on (closes its dialog, moves the focus to the next row) with
    // the screen already showing the change. Meanwhile a modal dialog stays open a moment.
    onSuccess: async (result) => {
      if (result.ok) await client.invalidateQueries();
    },
  });
}
