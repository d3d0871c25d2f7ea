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
 * exception) and refreshes the channels it touches when it succeeds.
 */
export function useWrite<C extends Channel>(channel: C, invalidates: Channel[]) {
  const client = useQueryClient();
  return useMutation<Result<Output<C>>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async (result) => {
      if (result.ok) await Promise.all(invalidates.map((c) => client.invalidateQueries({ queryKey: keys.channel(c) })));
    },
  });
}
