import type { TQueueName } from '@/lib/schemas/ops';
import type { ProcessorSpec } from './processor';
import { exportProcessor } from './processors/export';
import { fetchProcessor } from './processors/fetch';
import { healthProcessor } from './processors/health';
import { ingestProcessor } from './processors/ingest';
import { migrateProcessor } from './processors/migrate';
import { preprocessProcessor } from './processors/preprocess';
import { qualityProcessor } from './processors/quality';

// Queues without an entry are defined (and shown on the dashboard) but nothing consumes them yet.
export const PROCESSORS: Partial<Record<TQueueName, ProcessorSpec>> = {
  health: healthProcessor,
  fetch: fetchProcessor,
  ingest: ingestProcessor,
  preprocess: preprocessProcessor,
  export: exportProcessor,
  quality: qualityProcessor,
  migrate: migrateProcessor,
};

export function processedQueues(): TQueueName[] {
  return (Object.keys(PROCESSORS) as TQueueName[]).filter((name) => PROCESSORS[name]);
}
