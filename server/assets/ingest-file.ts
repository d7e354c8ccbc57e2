import type { TCaptureMetadata } from '@/lib/schemas/asset';
import type { TImportItem } from '@/lib/schemas/import';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { env } from '../env';
import { notFound } from '../errors';
import type { ImportSource } from '../generated/prisma/enums';
import { enqueue } from '../jobs/enqueue';
import { authorizeProject } from '../permissions';
import { blobStore, type BlobSource } from '../storage/blob-store';
import { registerBlobs } from '../storage/register-blob';
import { guessKind } from './guess-kind';
import { presentImportItem } from './present-import-item';

export interface IngestFileInput {
  projectId: string;
  batchId: string;
  /** The file's name as the user knows it (no directories are trusted from it). */
  name: string;
  source: ImportSource;
  sourceUri?: string | null;
  declaredMime?: string;
  capture?: TCaptureMetadata;
  bytes: BlobSource;
  /** An existing PENDING item (a URL import) to settle instead of adding a new one. */
  itemId?: string;
}

export interface IngestFileResult {
  assetId: string;
  status: 'ACCEPTED' | 'DUPLICATE';
  duplicateOf: string | null;
  item: TImportItem;
}

/**
 * The one door into the raw layer, for uploads, URL fetches, manifests and the CLI: stores the bytes
 * once by sha256, then either creates a RAW asset and queues its ingest job, or — when the project
 * already has these exact bytes — records a DUPLICATE item pointing at the existing asset.
 */
export async function ingestFile(ctx: Ctx, input: IngestFileInput): Promise<IngestFileResult> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:write');
  const batch = await db().importBatch.findFirst({
    where: { id: input.batchId, projectId: access.projectId },
    select: { id: true },
  });
  if (!batch) throw notFound('Import batch');

  const stored = await blobStore().put(input.bytes, { maxBytes: env().MAX_UPLOAD_BYTES });
  const name = safeName(input.name);
  const mime = input.declaredMime || 'application/octet-stream';
  const result = await db().$transaction(async (tx) => {
    await registerBlobs(tx, [{ ...stored, mime }]);
    // ON CONFLICT DO NOTHING on (project, sha256): of two uploads of the same bytes racing, the
    // second waits for the first to commit, inserts nothing and then finds the first's asset.
    const [created] = await tx.asset.createManyAndReturn({
      data: [
        {
          projectId: access.projectId,
          importBatchId: batch.id,
          kind: guessKind(name, input.declaredMime),
          blobSha256: stored.sha256,
          filename: name,
          mime,
          bytes: BigInt(stored.bytes),
          capturedAt: input.capture?.capturedAt ? new Date(input.capture.capturedAt) : null,
          device: input.capture?.device,
          location: input.capture?.location,
          consent: input.capture?.consent,
          license: input.capture?.license,
          metadata: input.capture?.metadata ?? {},
          source: input.source,
          sourceUri: input.sourceUri ?? null,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    const existing = created
      ? null
      : await tx.asset.findUniqueOrThrow({
          where: { projectId_blobSha256: { projectId: access.projectId, blobSha256: stored.sha256 } },
          select: { id: true },
        });
    const asset = created ?? existing!;
    const status = existing ? ('DUPLICATE' as const) : ('ACCEPTED' as const);
    const itemData = {
      assetId: asset.id,
      status,
      reason: existing ? `same bytes as asset ${existing.id} (sha256 ${stored.sha256.slice(0, 12)}…)` : null,
    };
    const item = input.itemId
      ? await tx.importItem.update({ where: { id: input.itemId, batchId: batch.id }, data: itemData })
      : await tx.importItem.create({ data: { batchId: batch.id, name, sourceUri: input.sourceUri ?? null, ...itemData } });
    await recordAudit(tx, ctx, {
      action: existing ? 'asset.duplicate' : 'asset.import',
      projectId: access.projectId,
      subjectType: 'Asset',
      subjectId: asset.id,
      after: { name, sha256: stored.sha256, bytes: stored.bytes, batchId: batch.id, source: input.source },
    });
    return { assetId: asset.id, status, duplicateOf: existing?.id ?? null, item: presentImportItem(item) };
  });
  if (result.status === 'ACCEPTED') await enqueue('ingest', { v: 1, projectId: access.projectId, assetId: result.assetId });
  return result;
}

/** The last path segment, without control characters, at most 255 characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned || 'unnamed';
}
