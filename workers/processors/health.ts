import { checkWorkerHealth } from '@/server/jobs/check-worker-health';
import { parseJobPayload, type ProcessorSpec } from '../processor';

export const healthProcessor: ProcessorSpec = {
  concurrency: 4,
  process: (job) => checkWorkerHealth(parseJobPayload('health', job)),
};
