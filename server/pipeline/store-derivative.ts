import { createReadStream } from 'node:fs';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { DerivativeFile } from '../media/types';
import { blobStore } from '../storage/blob-store';
import { registerBlob } from '../storage/register-blob';

/**
 * Stores a derivative's bytes by hash and points the asset's (kind, variant) slot at them. An upsert
 * on that key, so a second run replaces rather than adds: never two thumbnails "256" for one asset.
 */
export async function storeDerivative(assetId: string, file: DerivativeFile): Promise<void> {
  const stored = await blobStore().put(createReadStream(file.path));
  const fields = {
    blobSha256: stored.sha256,
    mime: file.mime,
    params: file.params as Prisma.InputJsonValue,
    tool: file.tool,
    toolVersion: file.toolVersion,
  };
  await db().$transaction(async (tx) => {
    await registerBlob(tx, { ...stored, mime: file.mime });
    await tx.assetDerivative.upsert({
      where: { assetId_kind_variant: { assetId, kind: file.kind, variant: file.variant } },
      create: { assetId, kind: file.kind, variant: file.variant, ...fields },
      update: fields,
    });
  });
}
