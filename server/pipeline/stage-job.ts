import type { AssetKind, DerivativeKind } from '../generated/prisma/enums';

/** One delivery of a pipeline job: which asset, and which attempt of how many. */
export interface StageJob {
  projectId: string;
  assetId: string;
  jobId: string;
  /** 1 for the first run; BullMQ's attemptsMade + 1. */
  attempt: number;
  /** No retry follows this one: a timeout now quarantines instead of retrying. */
  finalAttempt: boolean;
}

export function stageJob(
  payload: { projectId: string; assetId: string },
  job: { id?: string; attemptsMade: number; opts: { attempts?: number } },
): StageJob {
  const attempt = job.attemptsMade + 1;
  return {
    projectId: payload.projectId,
    assetId: payload.assetId,
    jobId: job.id ?? '',
    attempt,
    finalAttempt: attempt >= (job.opts.attempts ?? 1),
  };
}

/**
 * One preprocess job per asset makes all of its derivatives; the payload's `kind` names the leading
 * one, so the job id (`preprocess-<assetId>-<kind>`) says what the job is for on the dashboard.
 */
export function preprocessKindFor(kind: AssetKind): DerivativeKind {
  if (kind === 'AUDIO') return 'PEAKS';
  if (kind === 'VIDEO') return 'PROXY';
  return 'THUMBNAIL';
}
