import { createReadStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ingestFile, type IngestFileResult } from '../assets/ingest-file';
import type { Ctx } from '../context';
import { parseUploadMetadata } from './upload-metadata';
import { uploadStore } from './upload-store';

/**
 * Hands a complete tus upload to the raw layer and deletes it. The file is first renamed out of the
 * store, which claims it: a concurrent HEAD or a retried PATCH then finds no upload instead of
 * ingesting it twice. If ingest fails the file is put back, so the next HEAD can finish it.
 */
export async function finishUpload(ctx: Ctx, input: { projectId: string; uploadId: string }): Promise<IngestFileResult | null> {
  const { store, directory } = uploadStore();
  const upload = await store.getUpload(input.uploadId).catch(() => null);
  if (!upload || upload.size === undefined || upload.offset !== upload.size) return null;
  const file = path.join(directory, input.uploadId);
  const claimed = `${file}.ingesting`;
  try {
    await rename(file, claimed);
  } catch {
    return null;
  }
  try {
    const meta = parseUploadMetadata(upload.metadata);
    const { batchId, filename, filetype, ...capture } = meta;
    const result = await ingestFile(ctx, {
      projectId: input.projectId,
      batchId,
      name: filename,
      source: 'UPLOAD',
      declaredMime: filetype,
      capture,
      bytes: createReadStream(claimed),
    });
    await unlink(claimed);
    await store.configstore.delete(input.uploadId);
    return result;
  } catch (error) {
    await rename(claimed, file).catch(() => undefined);
    throw error;
  }
}

/** The ingest result as response headers: the browser shows "duplicate of …" from these. */
export function ingestHeaders(result: IngestFileResult): Record<string, string> {
  return {
    'Loupe-Asset-Id': result.assetId,
    'Loupe-Import-Status': result.status,
    'Loupe-Import-Item-Id': result.item.id,
    ...(result.duplicateOf ? { 'Loupe-Duplicate-Of': result.duplicateOf } : {}),
  };
}
