'use client';

import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { callApi, type ApiError, type CallInput, type CallResult } from '@/lib/api/client';
import type { Operation } from '@/lib/api/operation';

/** Query key of an operation: its id first, so `invalidateQueries({ queryKey: [op.id] })` refreshes every call of it. */
export function apiKey<Op extends Operation>(op: Op, input?: CallInput<Op>): readonly unknown[] {
  return input ? [op.id, input] : [op.id];
}

/** useQuery over one REST operation. */
export function useApiQuery<Op extends Operation>(
  op: Op,
  input: CallInput<Op>,
  options: Omit<UseQueryOptions<CallResult<Op>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallResult<Op>, ApiError>({
    queryKey: apiKey(op, input),
    queryFn: ({ signal }) => callApi(op, input, { signal }),
    ...options,
  });
}
