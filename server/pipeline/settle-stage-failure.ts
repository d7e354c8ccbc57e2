import { pool } from '../db';
import { rows, sql, transaction } from '../sql';
import { MediaRejection } from '../media/media-rejection';
import { recordStageRun, type PipelineStage } from './record-stage-run';
import type { StageJob } from './stage-job';

export interface FailedRun {
  stage: PipelineStage;
  startedAt: Date;
  tools: Record<string, string>;
}

/**
 * The one place a stage's failure is judged. Bad input (a MediaRejection) quarantines the asset and
 * the job completes: retrying cannot fix a corrupt file. A timeout is the exception while attempts
 * remain (a busy machine, not necessarily the file): it is retried, and quarantines only on the last
 * attempt. Anything else is our failure: recorded as an ERROR run, then rethrown so BullMQ retries
 * and, after the last attempt, the dead-letter table keeps it.
 */
export async function settleStageFailure(job: StageJob, run: FailedRun, error: unknown): Promise<{ quarantined: string }> {
  const quarantine = error instanceof MediaRejection && (error.code !== 'timeout' || job.finalAttempt);
  if (quarantine) {
    await transaction(async (tx) => {
      await rows(
        sql`UPDATE "Asset" SET stage = 'QUARANTINED', "failureReason" = ${error.reason}, "updatedAt" = now()
          WHERE id = ${job.assetId} AND stage IN ('RAW', 'STAGED')`,
        tx,
      );
      await recordStageRun(tx, job, { ...run, outcome: 'QUARANTINED', error: error.reason });
    });
    return { quarantined: error.reason };
  }
  const message = error instanceof MediaRejection ? error.reason : error instanceof Error ? error.message : String(error);
  // The database may be what failed: losing this record must not hide the error itself.
  await recordStageRun(pool(), job, { ...run, outcome: 'ERROR', error: message.slice(0, 2000) }).catch(() => undefined);
  throw error instanceof MediaRejection ? new Error(`${message} (attempt ${job.attempt}, will retry)`) : error;
}
