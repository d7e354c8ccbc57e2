import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';

// Resumable uploads speak tus 1.0 (https://tus.io/protocols/resumable-upload): requests carry
// `Tus-Resumable: 1.0.0`, answers are tus's (empty bodies, Upload-* headers). When an upload is
// complete it is ingested, and the answer adds Loupe-Asset-Id, Loupe-Import-Status
// (ACCEPTED | DUPLICATE), Loupe-Import-Item-Id and, for a duplicate, Loupe-Duplicate-Of.

const ZUploadRefSchema = ZProjectRefSchema.extend({ uploadId: z.string().min(1).max(100) });

export const createUpload = defineOperation({
  id: 'createUpload',
  method: 'POST',
  path: '/projects/{projectId}/uploads',
  tag: 'Uploads',
  summary:
    'Start a resumable (tus) upload (OWNER, DATA_LEAD): Upload-Length, and Upload-Metadata with batchId and filename (optional filetype, capturedAt, device, location, consent, license); 201 with Location. 429 with Retry-After when the pipeline is saturated',
  params: ZProjectRefSchema,
  rawBody: { contentType: 'application/offset+octet-stream', description: 'Optional first bytes (creation-with-upload)' },
  response: z.null(),
  status: 201,
});

export const getUploadOffset = defineOperation({
  id: 'getUploadOffset',
  method: 'HEAD',
  path: '/projects/{projectId}/uploads/{uploadId}',
  tag: 'Uploads',
  summary: 'How many bytes of an upload the server has (Upload-Offset), to resume after a dropped connection',
  params: ZUploadRefSchema,
  response: z.null(),
});

export const appendUpload = defineOperation({
  id: 'appendUpload',
  method: 'PATCH',
  path: '/projects/{projectId}/uploads/{uploadId}',
  tag: 'Uploads',
  summary: 'Append bytes at Upload-Offset; the last chunk ingests the file (Loupe-* headers say what became of it)',
  params: ZUploadRefSchema,
  rawBody: { contentType: 'application/offset+octet-stream', description: 'The next bytes of the file' },
  response: z.null(),
  status: 204,
});

export const cancelUpload = defineOperation({
  id: 'cancelUpload',
  method: 'DELETE',
  path: '/projects/{projectId}/uploads/{uploadId}',
  tag: 'Uploads',
  summary: 'Abandon an unfinished upload and delete its bytes',
  params: ZUploadRefSchema,
  response: z.null(),
  status: 204,
});
