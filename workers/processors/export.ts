import { UnrecoverableError } from 'bullmq';
import { AppError } from '@/server/errors';
import { buildExport } from '@/server/snapshots/build-export';
import { failExport } from '@/server/snapshots/fail-export';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// One export at a time per process: an export streams a whole snapshot through zlib and the blob
// store, and two would only compete for the same cores and disk. A media file missing from the store
// will not appear on a retry: the export fails at once. However a job ends for good (that, attempts
// spent, or a worker killed on its last attempt), its export shows FAILED with the reason.
export const exportProcessor: ProcessorSpec = {
  concurrency: 1,
  process: async (job) => {
    const { exportId } = parseJobPayload('export', job);
    try {
      return await buildExport(exportId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new UnrecoverableError(error.message);
      throw error;
    }
  },
  onFinalFailure: async (job, error) => {
    const exportId = (job.data as { exportId?: unknown }).exportId;
    if (typeof exportId === 'string') await failExport(exportId, error.message);
  },
};
