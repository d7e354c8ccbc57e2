import { UnrecoverableError } from 'bullmq';
import { AppError } from '@/server/errors';
import { fetchImportItem } from '@/server/imports/fetch-import-item';
import { PENDING_GRACE_MS, requeuePendingItems } from '@/server/imports/requeue-pending-items';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// Downloads are network-bound, not CPU-bound: several at once per process.
export const fetchProcessor: ProcessorSpec = {
  concurrency: 8,
  process: async (job) => {
    const payload = parseJobPayload('fetch', job);
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await fetchImportItem(payload, { final });
    } catch (error) {
      // A missing item will not appear on a retry.
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new UnrecoverableError(error.message);
      throw error;
    }
  },
  // Items whose fetch job was never queued (see requeuePendingItems).
  sweep: { everyMs: PENDING_GRACE_MS, run: () => requeuePendingItems() },
};
