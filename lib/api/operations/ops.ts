import { defineOperation } from '../operation';
import {
  ZHealthCheckResultSchema,
  ZJobFailureListQuerySchema,
  ZJobFailureListSchema,
  ZJobFailureRefSchema,
  ZJobFailureRetriedSchema,
  ZJobFailureSchema,
  ZQueueStatsSchema,
} from '../../schemas/ops';

export const getQueueStats = defineOperation({
  id: 'getQueueStats',
  method: 'GET',
  path: '/ops/queues',
  tag: 'Operations',
  summary: 'Counts and latency per worker queue (site admins)',
  response: ZQueueStatsSchema,
});

export const listJobFailures = defineOperation({
  id: 'listJobFailures',
  method: 'GET',
  path: '/ops/failures',
  tag: 'Operations',
  summary: 'The dead-letter table: jobs that failed for good, newest first (site admins)',
  query: ZJobFailureListQuerySchema,
  response: ZJobFailureListSchema,
});

export const retryJobFailure = defineOperation({
  id: 'retryJobFailure',
  method: 'POST',
  path: '/ops/failures/{failureId}/retry',
  tag: 'Operations',
  summary: 'Enqueue a failed job again with the same payload (site admins)',
  params: ZJobFailureRefSchema,
  response: ZJobFailureRetriedSchema,
});

export const discardJobFailure = defineOperation({
  id: 'discardJobFailure',
  method: 'POST',
  path: '/ops/failures/{failureId}/discard',
  tag: 'Operations',
  summary: 'Mark a failed job as dealt with (site admins)',
  params: ZJobFailureRefSchema,
  response: ZJobFailureSchema,
});

export const runHealthCheck = defineOperation({
  id: 'runHealthCheck',
  method: 'POST',
  path: '/ops/health-check',
  tag: 'Operations',
  summary: 'Send a job through Redis to a worker and back; reports the round trip (site admins)',
  response: ZHealthCheckResultSchema,
});
