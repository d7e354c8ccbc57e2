import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { actorCtx } from '@/tests/api/api-users';
import { createImportBatch } from '@/prisma/factories/create-import-batch';
import { createProject } from '@/prisma/factories/create-project';
import { waitFor } from '@/workers/test-support';
import { ingestFile } from '../assets/ingest-file';
import { db } from '../db';

// Shared by the pipeline's integration tests: a project to import into, and real files made here.

export async function importTarget() {
  const ctx = await actorCtx();
  const project = await createProject(db(), { ownerId: ctx.actor.id });
  const batch = await createImportBatch(db(), {
    projectId: project.id,
    source: 'UPLOAD',
    label: 'pipeline test',
    createdById: ctx.actor.id,
  });
  const upload = (name: string, bytes: Buffer) =>
    ingestFile(ctx, { projectId: project.id, batchId: batch.id, name, source: 'UPLOAD', bytes });
  return { ctx, project, batch, upload };
}

/** Waits until the asset has left RAW and STAGED, and returns it with its derivatives and stage runs. */
export async function settledAsset(assetId: string, timeoutMs = 20_000) {
  await waitFor(
    async () => {
      const row = await db().asset.findUniqueOrThrow({ where: { id: assetId }, select: { stage: true } });
      return row.stage === 'READY' || row.stage === 'QUARANTINED';
    },
    `asset ${assetId} to be READY or QUARANTINED`,
    timeoutMs,
  );
  return db().asset.findUniqueOrThrow({
    where: { id: assetId },
    include: { derivatives: { orderBy: [{ kind: 'asc' }, { variant: 'asc' }] }, stageRuns: { orderBy: { startedAt: 'asc' } } },
  });
}

/** A noisy photo-like JPEG (noise so the size is realistic and each seed gives different bytes). */
export function noisyJpeg(width: number, height: number, options: { orientation?: number; seed?: number } = {}) {
  const image = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 40, g: 90 + (options.seed ?? 0), b: 160 },
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  }).jpeg({ quality: 85 });
  return (options.orientation ? image.withMetadata({ orientation: options.orientation }) : image).toBuffer();
}

export function smallPng(seed = 0) {
  return sharp({ create: { width: 64, height: 48, channels: 4, background: { r: seed % 256, g: 10, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

/**
 * A PNG whose header declares width × height pixels but whose data is a few bytes: a decompression
 * bomb as an attacker would send it. Nothing here allocates the pixels.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
