import { randomBytes } from 'node:crypto';
import { Server } from '@tus/server';
import type { Ctx } from '../context';
import { db } from '../db';
import { env } from '../env';
import { notFound } from '../errors';
import { assertPipelineCapacity } from '../jobs/pipeline-backlog';
import { authorizeProject } from '../permissions';
import { finishUpload, ingestHeaders } from './finish-upload';
import { sweepExpiredUploadsHourly } from './sweep-expired-uploads';
import { parseUploadMetadata } from './upload-metadata';
import { uploadStore } from './upload-store';

// Upload ids start with the project's id, so an id used under another project's path is refused
// before tus sees it; the strict shape also keeps any id from naming a path outside the store.
const UPLOAD_ID = /^([a-z0-9]{1,40})-([0-9a-f]{32})$/;

export const LOUPE_HEADERS = ['Loupe-Asset-Id', 'Loupe-Import-Status', 'Loupe-Import-Item-Id', 'Loupe-Duplicate-Of'];

/**
 * One tus 1.0 request (creation, HEAD for the offset, PATCH to append, DELETE to cancel), authorized
 * here and then handled by @tus/server. Whenever a request finds the upload complete, the file is
 * ingested and the result travels back in Loupe-* headers.
 */
export async function handleUploadRequest(
  ctx: Ctx,
  input: { projectId: string; uploadId?: string; req: Request; basePath: string },
): Promise<Response> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:write');
  let uploadId = input.uploadId;
  if (uploadId !== undefined) {
    if (UPLOAD_ID.exec(uploadId)?.[1] !== access.projectId) throw notFound('Upload');
  } else if (input.req.method === 'POST') {
    const meta = parseUploadMetadata(input.req.headers.get('upload-metadata'));
    const batch = await db().importBatch.findFirst({ where: { id: meta.batchId, projectId: access.projectId } });
    if (!batch) throw notFound('Import batch');
    await assertPipelineCapacity();
    sweepExpiredUploadsHourly();
    uploadId = `${access.projectId}-${randomBytes(16).toString('hex')}`;
  }
  const { store, locker } = uploadStore();
  const server = new Server({
    path: input.basePath,
    datastore: store,
    locker,
    relativeLocation: true,
    maxSize: env().MAX_UPLOAD_BYTES,
    exposedHeaders: LOUPE_HEADERS,
    namingFunction: () => uploadId!,
    getFileIdFromRequest: () => uploadId,
  });
  const response = await server.handleWeb(input.req as Parameters<Server['handleWeb']>[0]);
  if (!uploadId || !response.ok || input.req.method === 'DELETE') return response;
  const result = await finishUpload(ctx, { projectId: access.projectId, uploadId });
  if (!result) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ingestHeaders(result))) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
