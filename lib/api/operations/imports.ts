import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZImportAcceptedSchema,
  ZImportBatchCreateSchema,
  ZImportBatchSchema,
  ZImportItemSchema,
  ZImportRefSchema,
  ZUploadResultSchema,
  ZUrlImportSchema,
} from '../../schemas/import';
import { ZCaptureMetadataSchema } from '../../schemas/asset';

export const listImports = defineOperation({
  id: 'listImports',
  method: 'GET',
  path: '/projects/{projectId}/imports',
  tag: 'Imports',
  summary: 'Import batches with what became of their files',
  params: ZProjectRefSchema,
  response: z.object({ batches: z.array(ZImportBatchSchema) }),
});

export const createImport = defineOperation({
  id: 'createImport',
  method: 'POST',
  path: '/projects/{projectId}/imports',
  tag: 'Imports',
  summary: 'Open an import batch (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  body: ZImportBatchCreateSchema,
  response: ZImportBatchSchema,
  status: 201,
});

export const getImport = defineOperation({
  id: 'getImport',
  method: 'GET',
  path: '/projects/{projectId}/imports/{batchId}',
  tag: 'Imports',
  summary: 'One batch and every file it was given (accepted, duplicate of asset X, or rejected with the reason)',
  params: ZImportRefSchema,
  response: ZImportBatchSchema.extend({ itemList: z.array(ZImportItemSchema) }),
});

export const uploadFile = defineOperation({
  id: 'uploadFile',
  method: 'PUT',
  path: '/projects/{projectId}/imports/{batchId}/files',
  tag: 'Imports',
  summary: 'Upload one file as the request body (OWNER, DATA_LEAD); 429 with Retry-After when the pipeline is saturated',
  params: ZImportRefSchema,
  query: ZCaptureMetadataSchema.omit({ metadata: true }).extend({ name: z.string().min(1).max(255) }),
  rawBody: { contentType: 'application/octet-stream', description: 'The file bytes' },
  response: ZUploadResultSchema,
  status: 201,
});

export const importUrls = defineOperation({
  id: 'importUrls',
  method: 'POST',
  path: '/projects/{projectId}/imports/{batchId}/urls',
  tag: 'Imports',
  summary: 'Fetch files from http(s) URLs into a batch (OWNER, DATA_LEAD); private addresses are refused',
  params: ZImportRefSchema,
  body: ZUrlImportSchema,
  response: ZImportAcceptedSchema,
  status: 202,
});

export const importManifest = defineOperation({
  id: 'importManifest',
  method: 'POST',
  path: '/projects/{projectId}/imports/{batchId}/manifest',
  tag: 'Imports',
  summary: 'Import a CSV or JSONL manifest (uri, captured_at, device, location, consent, license, metadata…) (OWNER, DATA_LEAD)',
  params: ZImportRefSchema,
  rawBody: { contentType: 'text/csv', description: 'CSV with a header row, or JSON Lines (application/x-ndjson)' },
  response: ZImportAcceptedSchema,
  status: 202,
});
