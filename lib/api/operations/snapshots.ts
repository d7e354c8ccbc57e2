import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZCreateSnapshotSchema,
  ZExportRefSchema,
  ZExportViewSchema,
  ZRequestExportSchema,
  ZSnapshotDiffQuerySchema,
  ZSnapshotDiffSchema,
  ZSnapshotListSchema,
  ZSnapshotRefSchema,
  ZSnapshotViewSchema,
} from '../../schemas/snapshot';

export const listSnapshots = defineOperation({
  id: 'listSnapshots',
  method: 'GET',
  path: '/projects/{projectId}/snapshots',
  tag: 'Snapshots',
  summary: 'The project’s dataset snapshots, newest version first (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  response: ZSnapshotListSchema,
});

export const createSnapshot = defineOperation({
  id: 'createSnapshot',
  method: 'POST',
  path: '/projects/{projectId}/snapshots',
  tag: 'Snapshots',
  summary:
    'Make the next immutable version from the finished items the filter takes, with a deterministic split, pinned to the current taxonomy version (OWNER, DATA_LEAD); 422 when no item matches',
  params: ZProjectRefSchema,
  body: ZCreateSnapshotSchema,
  response: ZSnapshotViewSchema,
  status: 201,
});

export const getSnapshot = defineOperation({
  id: 'getSnapshot',
  method: 'GET',
  path: '/projects/{projectId}/snapshots/{version}',
  tag: 'Snapshots',
  summary: 'One snapshot: filter, split, counts per class and split, checksum, and its exports (OWNER, DATA_LEAD)',
  params: ZSnapshotRefSchema,
  response: ZSnapshotViewSchema,
});

export const requestSnapshotExport = defineOperation({
  id: 'requestSnapshotExport',
  method: 'POST',
  path: '/projects/{projectId}/snapshots/{version}/exports',
  tag: 'Snapshots',
  summary:
    'Build the snapshot in a format (a zip with manifest.json and checksums; media included when asked); an existing export is returned as it is, a failed one is queued again, an expired one rebuilt to the same bytes (OWNER, DATA_LEAD)',
  params: ZSnapshotRefSchema,
  body: ZRequestExportSchema,
  response: ZExportViewSchema,
  status: 202,
});

export const downloadSnapshotExport = defineOperation({
  id: 'downloadSnapshotExport',
  method: 'GET',
  path: '/projects/{projectId}/snapshots/{version}/exports/{exportId}/file',
  tag: 'Snapshots',
  summary: 'The built zip (409 while it is being built) (OWNER, DATA_LEAD)',
  params: ZExportRefSchema,
  response: z.unknown(),
  binaryResponse: 'application/zip',
});

export const expireSnapshotExport = defineOperation({
  id: 'expireSnapshotExport',
  method: 'POST',
  path: '/projects/{projectId}/snapshots/{version}/exports/{exportId}/expire',
  tag: 'Snapshots',
  summary:
    'Remove a ready export’s zip to save space; the export stays, EXPIRED, with its sha256 and size, and asking for it again rebuilds the same bytes. 409 unless it is ready; an expired one is answered as it is (OWNER, DATA_LEAD)',
  params: ZExportRefSchema,
  response: ZExportViewSchema,
});

export const diffSnapshots = defineOperation({
  id: 'diffSnapshots',
  method: 'GET',
  path: '/projects/{projectId}/snapshots/{version}/diff',
  tag: 'Snapshots',
  summary:
    'What changed since snapshot `against`: items added, removed, relabeled, moved between splits; labels per class in each (OWNER, DATA_LEAD)',
  params: ZSnapshotRefSchema,
  query: ZSnapshotDiffQuerySchema,
  response: ZSnapshotDiffSchema,
});
