import { preprocessAsset } from '@/server/pipeline/preprocess-asset';
import { stageJob } from '@/server/pipeline/stage-job';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// CPU-bound (decode, resize, transcode): one job per core on the 2-core reference machine.
export const preprocessProcessor: ProcessorSpec = {
  concurrency: 2,
  process: (job) => preprocessAsset(stageJob(parseJobPayload('preprocess', job), job)),
};
