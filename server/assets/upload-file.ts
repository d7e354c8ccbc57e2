import type { TCaptureMetadata } from '@/lib/schemas/asset';
import type { Ctx } from '../context';
import { db } from '../db';
import { assertPipelineCapacity } from '../jobs/pipeline-backlog';
import { authorizeProject } from '../permissions';
import type { BlobSource } from '../storage/blob-store';
import { ingestFile, type IngestFileResult } from './ingest-file';

/**
 * One file from the browser or a script. Authorized before the backlog check, so an outsider learns
 * nothing from a 429; the backlog check comes before any byte is stored.
 */
export async function uploadFile(
  ctx: Ctx,
  input: {
    projectId: string;
    batchId: string;
    name: string;
    declaredMime?: string;
    capture: TCaptureMetadata;
    bytes: BlobSource;
  },
): Promise<IngestFileResult> {
  await authorizeProject(db(), ctx, input.projectId, 'assets:write');
  await assertPipelineCapacity();
  return ingestFile(ctx, { ...input, source: 'UPLOAD' });
}
