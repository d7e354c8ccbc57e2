import { probeAsset } from '@/server/pipeline/probe-asset';
import { stageJob } from '@/server/pipeline/stage-job';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// CPU-bound (decoding headers, ffprobe): one job per core on the 2-core reference machine.
export const ingestProcessor: ProcessorSpec = {
  concurrency: 2,
  process: (job) => probeAsset(stageJob(parseJobPayload('ingest', job), job)),
};
