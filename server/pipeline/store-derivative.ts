import { createReadStream } from 'node:fs';
import type { Derivative } from '../media/types';
import { rows, sql, type SqlClient, newId } from '../sql';
import { blobStore, type PutResult } from '../storage/blob-store';
import { registerBlobs } from '../storage/register-blob';

export interface StoredDerivative {
  file: Derivative;
  stored: PutResult;
}

/** Puts a derivative's bytes in the blob store (by hash, so a second run stores nothing new). */
export async function putDerivative(file: Derivative): Promise<StoredDerivative> {
  return { file, stored: await blobStore().put('data' in file ? file.data : createReadStream(file.path)) };
}

/**
 * Registers the blobs and points the asset's (kind, variant) slots at them, in two statements. Runs
 * inside the transaction that moves the asset to READY, and only the run that makes that move gets
 * here, so an asset has no derivative rows yet: never two thumbnails "256" for one asset.
 */
export async function recordDerivatives(tx: SqlClient, assetId: string, derivatives: StoredDerivative[]): Promise<void> {
  await registerBlobs(
    tx,
    derivatives.map(({ file, stored }) => ({ ...stored, mime: file.mime })),
  );
  const column = <T>(pick: (d: StoredDerivative) => T) => derivatives.map(pick);
  await rows(
    sql`INSERT INTO "AssetDerivative" (id, "assetId", kind, variant, "blobSha256", mime, params, tool, "toolVersion", "createdAt")
      SELECT id, ${assetId}, kind::"DerivativeKind", variant, sha, mime, params::jsonb, tool, version, now()
      FROM unnest(${column(() => newId())}::text[], ${column((d) => d.file.kind)}::text[], ${column((d) => d.file.variant)}::text[],
        ${column((d) => d.stored.sha256)}::text[], ${column((d) => d.file.mime)}::text[], ${column((d) => JSON.stringify(d.file.params))}::text[],
        ${column((d) => d.file.tool)}::text[], ${column((d) => d.file.toolVersion)}::text[])
        AS d(id, kind, variant, sha, mime, params, tool, version)`,
    tx,
  );
}
