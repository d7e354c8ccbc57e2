import type { TJobFailure } from '@/lib/schemas/ops';

export const JOB_FAILURE_SELECT = {
  id: true,
  queue: true,
  jobId: true,
  jobName: true,
  projectId: true,
  payload: true,
  reason: true,
  attemptsMade: true,
  failedAt: true,
  retriedAt: true,
  discardedAt: true,
} as const;

interface JobFailureRow {
  id: string;
  queue: string;
  jobId: string;
  jobName: string;
  projectId: string | null;
  payload: unknown;
  reason: string;
  attemptsMade: number;
  failedAt: Date;
  retriedAt: Date | null;
  discardedAt: Date | null;
}

export function presentJobFailure(row: JobFailureRow): TJobFailure {
  return {
    id: row.id,
    queue: row.queue,
    jobId: row.jobId,
    jobName: row.jobName,
    projectId: row.projectId,
    payload: row.payload,
    reason: row.reason,
    attemptsMade: row.attemptsMade,
    failedAt: row.failedAt.toISOString(),
    retriedAt: row.retriedAt?.toISOString() ?? null,
    discardedAt: row.discardedAt?.toISOString() ?? null,
  };
}
