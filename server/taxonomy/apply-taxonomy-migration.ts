import { ZTaxonomyOperationsSchema } from '@/lib/taxonomy-migration/operations';
import { notFound } from '../errors';
import { one, sql, transaction } from '../sql';
import { migrateBatch } from './migrate-batch';

/**
 * Annotations a batch moves in one transaction. Larger batches mean fewer round trips and commits;
 * a save waiting on a locked row waits for its batch to commit, so a batch stays ~1 s of work.
 */
const BATCH_SIZE = 5000;

export interface ApplyOptions {
  batchSize?: number;
  /** Called after each committed batch (tests stop a run here to prove it resumes). */
  afterBatch?: (done: number) => Promise<void> | void;
}

/**
 * The `migrate` job: moves every annotation still on the migration's from-version to its to-version,
 * in keyset batches of one transaction each (`migrate-batch.ts`). Safe to run twice or to resume
 * after a kill: a batch only picks annotations still on the from-version, and moving one changes
 * its version in the same statement, so none is migrated twice and none is skipped.
 */
export async function applyTaxonomyMigration(migrationId: string, options: ApplyOptions = {}): Promise<{ done: number }> {
  const migration = await one<{ fromVersionId: string; toVersionId: string; operations: unknown; status: string }>(
    sql`UPDATE "TaxonomyMigration" SET status = 'RUNNING', "startedAt" = coalesce("startedAt", now())
      WHERE id = ${migrationId} AND status IN ('QUEUED', 'RUNNING', 'FAILED')
      RETURNING "fromVersionId", "toVersionId", operations, status`,
  );
  if (!migration) {
    const exists = await one<{ done: number }>(sql`SELECT done FROM "TaxonomyMigration" WHERE id = ${migrationId}`);
    if (!exists) throw notFound('Taxonomy migration');
    return exists; // already DONE: a duplicate job
  }
  const operations = ZTaxonomyOperationsSchema.parse(migration.operations);
  const batch = { migrationId, ...migration, operations, size: options.batchSize ?? BATCH_SIZE };
  let cursor = '';
  for (;;) {
    const moved = await transaction((client) => migrateBatch(client, batch, cursor));
    if (!moved) break;
    cursor = moved.lastId;
    await options.afterBatch?.(moved.done);
  }
  const finished = await one<{ done: number }>(
    sql`UPDATE "TaxonomyMigration" SET status = 'DONE', "appliedAt" = now(), total = greatest(total, done), "failureReason" = NULL
      WHERE id = ${migrationId} RETURNING done`,
  );
  return { done: finished!.done };
}

/** The job gave up for good: the migration shows FAILED with the reason (a retry from the dead letters resumes it). */
export async function failTaxonomyMigration(migrationId: string, reason: string): Promise<void> {
  await one(
    sql`UPDATE "TaxonomyMigration" SET status = 'FAILED', "failureReason" = ${reason} WHERE id = ${migrationId} AND status <> 'DONE'`,
  );
}
