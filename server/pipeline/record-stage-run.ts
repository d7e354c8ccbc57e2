import type { StageRunOutcome } from '../generated/prisma/enums';
import { rows, sql, type SqlClient, newId } from '../sql';
import type { StageJob } from './stage-job';

export type PipelineStage = 'ingest' | 'preprocess';

export interface StageRunRecord {
  stage: PipelineStage;
  outcome: StageRunOutcome;
  error?: string | null;
  /** Tool name → version, e.g. { sharp: '0.35.5' } or { ffprobe: '5.1.9-0+deb12u1' }. */
  tools: Record<string, string>;
  startedAt: Date;
}

/** Lineage and latency of one run: which job and attempt, which tools, how long. */
export async function recordStageRun(client: SqlClient, job: StageJob, run: StageRunRecord): Promise<void> {
  const finishedAt = new Date();
  await rows(
    sql`INSERT INTO "AssetStageRun" (id, "assetId", stage, "jobId", attempt, outcome, error, tools, "startedAt", "finishedAt", "durationMs")
      VALUES (${newId()}, ${job.assetId}, ${run.stage}, ${job.jobId}, ${job.attempt}, ${run.outcome}::"StageRunOutcome",
        ${run.error ?? null}, ${JSON.stringify(run.tools)}::jsonb, ${run.startedAt}::timestamp, ${finishedAt}::timestamp,
        ${finishedAt.getTime() - run.startedAt.getTime()})`,
    client,
  );
}
