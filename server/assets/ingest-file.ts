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
import { one, sql, transaction, newId } from '../sql';
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
  const batch = await one<{ id: string }>(
    sql`SELECT id FROM "ImportBatch" WHERE id = ${input.batchId} AND "projectId" = ${access.projectId}`,
  );
  if (!batch) throw notFound('Import batch');

  const stored = await blobStore().put(input.bytes, { maxBytes: env().MAX_UPLOAD_BYTES });
  const name = safeName(input.name);
  const mime = input.declaredMime || 'application/octet-stream';
  const capture = input.capture ?? {};
  // Plain SQL on one connection: this runs for every file of every import (see server/sql.ts).
  const result = await transaction(async (tx) => {
    await registerBlobs(tx, [{ ...stored, mime }]);
    // ON CONFLICT DO NOTHING on (project, sha256): of two uploads of the same bytes racing, the
    // second waits for the first to commit, inserts nothing and then finds the first's asset.
    const created = await one<{ id: string }>(
      sql`INSERT INTO "Asset" (id, "projectId", "importBatchId", kind, "blobSha256", filename, mime, bytes, "capturedAt",
          device, location, consent, license, metadata, source, "sourceUri", stage, "createdAt", "updatedAt")
        VALUES (${newId()}, ${access.projectId}, ${batch.id}, ${guessKind(name, input.declaredMime)}::"AssetKind",
          ${stored.sha256}, ${name}, ${mime}, ${String(stored.bytes)}::bigint,
          ${capture.capturedAt ? new Date(capture.capturedAt) : null}::timestamp, ${capture.device ?? null},
          ${capture.location ?? null}, ${capture.consent ?? null}, ${capture.license ?? null},
          ${JSON.stringify(capture.metadata ?? {})}::jsonb, ${input.source}::"ImportSource", ${input.sourceUri ?? null},
          'RAW', now(), now())
        ON CONFLICT ("projectId", "blobSha256") DO NOTHING
        RETURNING id`,
      tx,
    );
    const existing = created
      ? null
      : await one<{ id: string }>(
          sql`SELECT id FROM "Asset" WHERE "projectId" = ${access.projectId} AND "blobSha256" = ${stored.sha256}`,
          tx,
        );
    const assetId = (created ?? existing)!.id;
    const status = existing ? ('DUPLICATE' as const) : ('ACCEPTED' as const);
    const reason = existing ? `same bytes as asset ${existing.id} (sha256 ${stored.sha256.slice(0, 12)}…)` : null;
    const item = await one<Parameters<typeof presentImportItem>[0]>(
      input.itemId
        ? sql`UPDATE "ImportItem" SET "assetId" = ${assetId}, status = ${status}::"ImportItemStatus", reason = ${reason}
            WHERE id = ${input.itemId} AND "batchId" = ${batch.id}
            RETURNING ${ITEM_COLUMNS}`
        : sql`INSERT INTO "ImportItem" (id, "batchId", name, "sourceUri", "assetId", status, reason, "createdAt")
            VALUES (${newId()}, ${batch.id}, ${name}, ${input.sourceUri ?? null}, ${assetId}, ${status}::"ImportItemStatus", ${reason}, now())
            RETURNING ${ITEM_COLUMNS}`,
      tx,
    );
    if (!item) throw notFound('Import item');
    await recordAudit(tx, ctx, {
      action: existing ? 'asset.duplicate' : 'asset.import',
      projectId: access.projectId,
      subjectType: 'Asset',
      subjectId: assetId,
      after: { name, sha256: stored.sha256, bytes: stored.bytes, batchId: batch.id, source: input.source },
    });
    return { assetId, status, duplicateOf: existing?.id ?? null, item: presentImportItem(item) };
  });
  if (result.status === 'ACCEPTED') await enqueue('ingest', { v: 1, projectId: access.projectId, assetId: result.assetId });
  return result;
}

const ITEM_COLUMNS = sql`id, name, "sourceUri", "assetId", status::text AS status, reason, "createdAt"`;

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
