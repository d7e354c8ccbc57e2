import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AssetKind, AssetStage, ImportSource } from '@/server/generated/prisma/enums';
import { blobStore } from '@/server/storage/blob-store';
import { registerBlobs } from '@/server/storage/register-blob';
import { readMediaInfo } from './read-media-info';

export interface CreateAssetInput {
  projectId: string;
  file: string;
  kind: AssetKind;
  importBatchId?: string;
  source?: ImportSource;
  stage?: AssetStage;
}

// Stores the file's bytes in the blob store and records Blob + Asset with the media's intrinsic size
// and timing. Upserts on (project, sha256), so the same file is one asset per project however often
// it is added.
export async function createAsset(db: PrismaClient, input: CreateAssetInput) {
  const stored = await blobStore().put(createReadStream(input.file));
  const key = { projectId_blobSha256: { projectId: input.projectId, blobSha256: stored.sha256 } };
  const existing = await db.asset.findUnique({ where: key });
  if (existing) return existing;
  const info = await readMediaInfo(input.file, input.kind);
  await registerBlobs(db, [{ ...stored, mime: info.mime }]);
  return db.asset.upsert({
    where: key,
    create: {
      projectId: input.projectId,
      importBatchId: input.importBatchId ?? null,
      kind: input.kind,
      blobSha256: stored.sha256,
      filename: path.basename(input.file),
      mime: info.mime,
      bytes: BigInt(stored.bytes),
      width: info.width,
      height: info.height,
      durationSec: info.durationSec,
      fps: info.fps,
      frameCount: info.frameCount,
      metadata: info.metadata,
      source: input.source ?? 'UPLOAD',
      stage: input.stage ?? 'RAW',
    },
    update: {},
  });
}
