import { UnrecoverableError } from 'bullmq';
import { AppError } from '@/server/errors';
import { buildExport } from '@/server/snapshots/build-export';
import { failExport } from '@/server/snapshots/fail-export';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// One export at a time per process: an export streams a whole snapshot through zlib and the blob
// store, and two would only compete for the same cores and disk. A media file missing from the store
// will not appear on a retry: the export fails at once, with the reason on its row.
export const exportProcessor: ProcessorSpec = {
  concurrency: 1,
  process: async (job) => {
    const { exportId } = parseJobPayload('export', job);
    try {
      return await buildExport(exportId);
    } catch (error) {
      const missing = error instanceof AppError && error.code === 'NOT_FOUND';
      const reason = error instanceof Error ? error.message : String(error);
      if (missing || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failExport(exportId, reason);
      throw missing ? new UnrecoverableError(reason) : error;
    }
  },
};
