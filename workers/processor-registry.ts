import type { TQueueName } from '@/lib/schemas/ops';
import type { ProcessorSpec } from './processor';
import { healthProcessor } from './processors/health';

// Queues without an entry are defined (and shown on the dashboard) but nothing consumes them yet.
export const PROCESSORS: Partial<Record<TQueueName, ProcessorSpec>> = {
  health: healthProcessor,
};

export function processedQueues(): TQueueName[] {
  return (Object.keys(PROCESSORS) as TQueueName[]).filter((name) => PROCESSORS[name]);
}
