import type { Db, Tx } from '../db';
import type { StageRunOutcome } from '../generated/prisma/enums';
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
export async function recordStageRun(client: Db | Tx, job: StageJob, run: StageRunRecord): Promise<void> {
  const finishedAt = new Date();
  await client.assetStageRun.create({
    data: {
      assetId: job.assetId,
      stage: run.stage,
      jobId: job.jobId,
      attempt: job.attempt,
      outcome: run.outcome,
      error: run.error ?? null,
      tools: run.tools,
      startedAt: run.startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - run.startedAt.getTime(),
    },
  });
}
