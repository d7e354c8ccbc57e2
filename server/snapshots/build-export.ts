import type { Readable } from 'node:stream';
import { canonicalJson } from '@/lib/canonical-json';
import type { ExportContext } from '@/lib/export/export-item';
import { ZSnapshotManifestSchema, type TExportFormat } from '@/lib/schemas/snapshot';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import { pool } from '../db';
import { AppError } from '../errors';
import { one, rows, sql, transaction } from '../sql';
import { blobStore } from '../storage/blob-store';
import { deleteUnreferencedBlob, lockBlob } from '../storage/delete-unreferenced-blob';
import { registerBlobs } from '../storage/register-blob';
import { ExportArchive } from './export-archive';
import { addLabelEntries, labelPasses, mediaPath, type LayoutInput } from './export-layouts';
import { snapshotItemRows, toExportItem } from './snapshot-item-rows';

interface ExportJob {
  id: string;
  format: TExportFormat;
  includeMedia: boolean;
  status: string;
  /** The file this export had before it expired: its rebuild must give the same bytes. */
  previousSha256: string | null;
  snapshotId: string;
  version: number;
  name: string;
  checksum: string;
  itemCount: number;
  manifest: unknown;
  filter: unknown;
  split: unknown;
  createdAt: Date;
  taxonomyVersionId: string;
  taxonomyVersion: number;
  definition: unknown;
}

const PROGRESS_EVERY_MS = 1000;

/**
 * Builds one export of a snapshot (the export worker's job): the format's label files, manifest.json
 * (every item's provenance), the media when asked, and checksums, as one zip streamed into the
 * content-addressed blob store. The export row turns READY only once the whole zip is stored, so a
 * killed worker never leaves a half export visible; a repeated or resumed job rebuilds the same bytes.
 */
export async function buildExport(exportId: string): Promise<BuiltExport | null> {
  const job = await one<ExportJob>(
    sql`SELECT e.id, e.format, e."includeMedia", e.status::text AS status, e."blobSha256" AS "previousSha256", s.id AS "snapshotId", s.version, s.name, s.checksum,
        s."itemCount", s.manifest, s.filter, s.split, s."createdAt", v.id AS "taxonomyVersionId", v.version AS "taxonomyVersion", v.definition
      FROM "SnapshotExport" e JOIN "Snapshot" s ON s.id = e."snapshotId" JOIN "TaxonomyVersion" v ON v.id = s."taxonomyVersionId"
      WHERE e.id = ${exportId} AND s.status = 'READY'`,
  );
  // READY: built already (a repeated job). EXPIRED: nobody asked for it again (requestExport queues it).
  if (!job || job.status === 'READY' || job.status === 'EXPIRED') return null;
  const total = job.itemCount * (labelPasses(job.format) + 1 + (job.includeMedia ? 1 : 0));
  // Only from QUEUED or BUILDING: another run of the job may have published (or it was expired
  // since) between the read above and here, and must not be turned back into a build.
  const started = await rows(
    sql`UPDATE "SnapshotExport" SET status = 'BUILDING', "startedAt" = clock_timestamp(), done = 0, total = ${total}, error = NULL
      WHERE id = ${exportId} AND status IN ('QUEUED', 'BUILDING') RETURNING id`,
  );
  if (started.length === 0) return null;
  let done = 0;
  let reported = Date.now();
  const tick = async () => {
    done++;
    if (Date.now() - reported < PROGRESS_EVERY_MS) return;
    reported = Date.now();
    await rows(sql`UPDATE "SnapshotExport" SET done = ${done} WHERE id = ${exportId}`);
  };

  const manifest = ZSnapshotManifestSchema.parse(job.manifest);
  const classes = ZTaxonomyDefinitionSchema.parse(job.definition).classes;
  const ctx: ExportContext = {
    classes,
    snapshot: { name: job.name, version: job.version, createdAt: job.createdAt.toISOString() },
  };
  const input: LayoutInput = { client: pool(), snapshotId: job.snapshotId, ctx, perSplit: manifest.perSplit, tick };
  const archive = new ExportArchive(job.createdAt);
  const stored = await archive.build(
    (output) => blobStore().put(output),
    async () => {
      await addLabelEntries(archive, job.format, input);
      archive.add('manifest.json', () => manifestJson(job, input));
      if (job.includeMedia) await addMedia(archive, job, input);
    },
  );
  const published = await transaction(async (tx) => {
    // A second run of the same job (a stalled job handed to another worker) may have published
    // first, and the export may have been expired since: leave it as it is now. First, as its file
    // may be gone already then, which is no reason to build again.
    const now = await one<{ status: string }>(
      sql`SELECT status::text AS status FROM "SnapshotExport" WHERE id = ${exportId} FOR UPDATE`,
      tx,
    );
    if (now?.status !== 'QUEUED' && now?.status !== 'BUILDING') return false;
    // Same bytes as an expired file whose deletion may be under way: the put found it there, so
    // check again under the blob's lock; a retry of the job (BullMQ) stores it anew.
    await lockBlob(tx, stored.sha256);
    if (!(await blobStore().has(stored.sha256))) throw new Error('The zip was deleted while it was published; building it again');
    await registerBlobs(tx, [{ ...stored, mime: 'application/zip' }]);
    await rows(
      sql`UPDATE "SnapshotExport" SET status = 'READY', "blobSha256" = ${stored.sha256}, bytes = ${stored.bytes},
          done = ${total}, "readyAt" = clock_timestamp(), "expiredAt" = NULL
        WHERE id = ${exportId}`,
      tx,
    );
    return true;
  });
  if (!published) {
    // The put may have brought back the file of an export expired meanwhile.
    await deleteUnreferencedBlob(stored.sha256);
    return null;
  }
  return { sha256: stored.sha256, bytes: stored.bytes, previousSha256: job.previousSha256 };
}

export interface BuiltExport {
  sha256: string;
  bytes: number;
  /** When this was a rebuild (of an expired or reset export): the sha256 it had before. */
  previousSha256: string | null;
}

/** manifest.json, keys in canonical order, its items streamed one by one. */
async function* manifestJson(job: ExportJob, input: LayoutInput) {
  yield `{"export":${canonicalJson({ format: job.format, includeMedia: job.includeMedia })},"items":[`;
  let first = true;
  for await (const row of snapshotItemRows(input.client, job.snapshotId, { regions: false })) {
    await input.tick();
    const { index, assetId, sha256, asset, annotationId, annotationVersion, split, provenance } = row;
    const media = toExportItem(row).mediaName;
    yield `${first ? '' : ','}${canonicalJson({ index, media, assetId, sha256, asset, annotation: { id: annotationId, version: annotationVersion }, split, provenance })}`;
    first = false;
  }
  const snapshot = {
    id: job.snapshotId,
    name: job.name,
    version: job.version,
    createdAt: job.createdAt.toISOString(),
    checksum: job.checksum,
    filter: job.filter,
    split: job.split,
    ...ZSnapshotManifestSchema.parse(job.manifest),
  };
  const taxonomy = { id: job.taxonomyVersionId, version: job.taxonomyVersion, classes: input.ctx.classes };
  yield `],"snapshot":${canonicalJson(snapshot)},"taxonomy":${canonicalJson(taxonomy)}}\n`;
}

/** Every item's media file, stored as is (already compressed), streamed from the blob store. */
async function addMedia(archive: ExportArchive, job: ExportJob, input: LayoutInput) {
  for await (const row of snapshotItemRows(input.client, job.snapshotId, { regions: false, provenance: false })) {
    const item = toExportItem(row);
    await archive.room();
    archive.add(
      mediaPath(job.format, item),
      async function* () {
        await input.tick();
        yield* await openMedia(item.index, item.sha256);
      },
      { store: true },
    );
  }
}

async function openMedia(index: number, sha256: string): Promise<Readable> {
  try {
    return await blobStore().openRead(sha256);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    throw new AppError('NOT_FOUND', `The media of item ${index} (sha256 ${sha256.slice(0, 12)}…) is missing from the blob store`);
  }
}
