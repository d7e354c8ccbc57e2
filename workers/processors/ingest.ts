import { probeAsset } from '@/server/pipeline/probe-asset';
import { stageJob } from '@/server/pipeline/stage-job';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// Header reads, ffprobe and image thumbnails (made in this job): each job waits on disk and the
// database as much as on the CPU, so two per core keep the 2-core reference machine busy.
export const ingestProcessor: ProcessorSpec = {
  concurrency: 4,
  process: (job) => probeAsset(stageJob(parseJobPayload('ingest', job), job)),
};
