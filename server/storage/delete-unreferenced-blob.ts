import type { SqlClient } from '../sql';
import { one, rows, sql, transaction } from '../sql';
import { assertSha256 } from './blob-key';
import { blobStore } from './blob-store';

/**
 * Serializes, per blob, "is anything still using it? then delete it" against "the blob is there?
 * then publish a row pointing at it" (build-export.ts): without it a rebuild could find the file,
 * and a deletion remove it, before the rebuilt export turns READY. Held until the transaction ends.
 */
export async function lockBlob(client: SqlClient, sha256: string): Promise<void> {
  await rows(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`blob:${assertSha256(sha256)}`}, 0))`, client);
}

/**
 * Removes a blob's file and its `Blob` row when nothing refers to it any more: no asset, no
 * derivative, no export that is not EXPIRED (an export being rebuilt keeps the file it will make
 * again). Blobs are shared by content, so this is the only safe way to delete one. Returns whether
 * the file was removed; false when it is still used or was already gone.
 */
export async function deleteUnreferencedBlob(sha256: string): Promise<boolean> {
  assertSha256(sha256);
  return transaction(async (tx) => {
    await lockBlob(tx, sha256);
    const used = await one<{ used: number }>(
      sql`SELECT 1 AS used WHERE EXISTS (SELECT 1 FROM "Asset" WHERE "blobSha256" = ${sha256})
        OR EXISTS (SELECT 1 FROM "AssetDerivative" WHERE "blobSha256" = ${sha256})
        OR EXISTS (SELECT 1 FROM "SnapshotExport" WHERE "blobSha256" = ${sha256} AND status <> 'EXPIRED')`,
      tx,
    );
    if (used) return false;
    await rows(sql`DELETE FROM "Blob" WHERE sha256 = ${sha256}`, tx);
    // Last, so a failure above leaves the file where it was.
    return blobStore().delete(sha256);
  });
}
