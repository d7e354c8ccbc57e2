import { createReadStream } from 'node:fs';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db';
import type { Derivative } from '../media/types';
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
export async function recordDerivatives(tx: Tx, assetId: string, derivatives: StoredDerivative[]): Promise<void> {
  await registerBlobs(
    tx,
    derivatives.map(({ file, stored }) => ({ ...stored, mime: file.mime })),
  );
  await tx.assetDerivative.createMany({
    data: derivatives.map(({ file, stored }) => ({
      assetId,
      kind: file.kind,
      variant: file.variant,
      blobSha256: stored.sha256,
      mime: file.mime,
      params: file.params as Prisma.InputJsonValue,
      tool: file.tool,
      toolVersion: file.toolVersion,
    })),
  });
}
