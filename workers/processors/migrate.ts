import { UnrecoverableError } from 'bullmq';
import { AppError } from '@/server/errors';
import { applyTaxonomyMigration, failTaxonomyMigration } from '@/server/taxonomy/apply-taxonomy-migration';
import { requeueWaitingMigrations, WAITING_GRACE_MS } from '@/server/taxonomy/requeue-waiting-migrations';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// One migration at a time per process: its batches lock annotation rows, and two would only compete
// with each other and with the annotators saving. A retry resumes where the last attempt stopped.
export const migrateProcessor: ProcessorSpec = {
  concurrency: 1,
  process: async (job) => {
    const { migrationId } = parseJobPayload('migrate', job);
    try {
      return await applyTaxonomyMigration(migrationId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new UnrecoverableError(error.message);
      throw error;
    }
  },
  onFinalFailure: async (job, error) => {
    const migrationId = (job.data as { migrationId?: unknown }).migrationId;
    if (typeof migrationId === 'string') await failTaxonomyMigration(migrationId, error.message);
  },
  sweep: { everyMs: WAITING_GRACE_MS, run: () => requeueWaitingMigrations() },
};
