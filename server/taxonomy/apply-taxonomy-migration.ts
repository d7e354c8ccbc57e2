import type pg from 'pg';
import { ZTaxonomyOperationsSchema } from '@/lib/taxonomy-migration/operations';
import { notFound } from '../errors';
import { one, sql, transaction } from '../sql';
import { moveBatch, pickBatch, type Batch } from './migrate-batch';

/**
 * Annotations a batch moves in one transaction. Larger batches mean fewer round trips and commits;
 * a save waiting on a locked row waits for its batch to commit, so a batch stays ~1 s of work.
 */
const BATCH_SIZE = 5000;
/**
 * Batches in flight at once, each in its own transaction: while one is picked and put through the
 * operations in Node, the other is being written, and on a database with more than one core both
 * write at once. More would take cores from the claim and save paths.
 */
const STREAMS = 2;

export interface ApplyOptions {
  batchSize?: number;
  streams?: number;
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
  await moveAll({ migrationId, ...migration, operations, size: options.batchSize ?? BATCH_SIZE }, options);
  const finished = await one<{ done: number }>(
    sql`UPDATE "TaxonomyMigration" SET status = 'DONE', "appliedAt" = now(), total = greatest(total, done), "failureReason" = NULL
      WHERE id = ${migrationId} RETURNING done`,
  );
  return { done: finished!.done };
}

/**
 * Runs `streams` loops of batches. Picks take turns, each starting after the last id the previous
 * pick locked, so batches never overlap; writes overlap. When a batch fails, the other loops finish
 * the batch they hold and stop, and the failure is thrown (a rerun picks up what is still left).
 */
async function moveAll(batch: Batch, options: ApplyOptions): Promise<void> {
  let cursor = '';
  let turn: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pickInTurn = (client: pg.PoolClient) => {
    const picked = turn.then(async () => {
      const rows = stopped ? [] : await pickBatch(client, batch, cursor);
      if (rows.length > 0) cursor = rows[rows.length - 1]!.id;
      return rows;
    });
    turn = picked.catch(() => undefined);
    return picked;
  };
  const loop = async () => {
    for (;;) {
      const done = await transaction(async (client) => {
        const picked = await pickInTurn(client);
        return picked.length === 0 ? null : moveBatch(client, batch, picked);
      });
      if (done === null) return;
      await options.afterBatch?.(done);
    }
  };
  const loops = Array.from({ length: options.streams ?? STREAMS }, () =>
    loop().catch((error: unknown) => {
      stopped = true;
      throw error;
    }),
  );
  const failed = (await Promise.allSettled(loops)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The job gave up for good: the migration shows FAILED with the reason (a retry from the dead letters resumes it). */
export async function failTaxonomyMigration(migrationId: string, reason: string): Promise<void> {
  await one(
    sql`UPDATE "TaxonomyMigration" SET status = 'FAILED', "failureReason" = ${reason} WHERE id = ${migrationId} AND status <> 'DONE'`,
  );
}
