import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZAssetDetailSchema,
  ZAssetListQuerySchema,
  ZAssetListSchema,
  ZAssetRefSchema,
  ZAssetSummarySchema,
  ZDerivativeKindSchema,
  ZSampleWindowSchema,
} from '../../schemas/asset';

export const listAssets = defineOperation({
  id: 'listAssets',
  method: 'GET',
  path: '/projects/{projectId}/assets',
  tag: 'Assets',
  summary: 'Assets of a project, newest first, filtered by kind, stage, import batch, filename or metadata',
  params: ZProjectRefSchema,
  query: ZAssetListQuerySchema,
  response: ZAssetListSchema,
});

export const getAsset = defineOperation({
  id: 'getAsset',
  method: 'GET',
  path: '/projects/{projectId}/assets/{assetId}',
  tag: 'Assets',
  summary: 'One asset: metadata, hashes, derivatives, stage runs (lineage and timings)',
  params: ZAssetRefSchema,
  response: ZAssetDetailSchema,
});

export const getAssetContent = defineOperation({
  id: 'getAssetContent',
  method: 'GET',
  path: '/projects/{projectId}/assets/{assetId}/content',
  tag: 'Assets',
  summary: 'The original bytes (immutable; range requests; risky types are served as attachments)',
  params: ZAssetRefSchema,
  response: z.unknown(),
  binaryResponse: 'application/octet-stream',
});

export const getAssetDerivative = defineOperation({
  id: 'getAssetDerivative',
  method: 'GET',
  path: '/projects/{projectId}/assets/{assetId}/derivatives/{kind}',
  tag: 'Assets',
  summary: 'A derivative (thumbnail, poster, peaks, proxy, frame map, thumbnail strip); `variant` picks a size',
  params: ZAssetRefSchema.extend({ kind: z.string().toUpperCase().pipe(ZDerivativeKindSchema) }),
  query: z.object({ variant: z.string().max(20).optional() }),
  response: z.unknown(),
  binaryResponse: 'application/octet-stream',
});

/** [start, end) seconds of a recording drawn `width` pixels wide: the audio editor's part in view. */
const ZWindowSchema = z.object({
  start: z.coerce.number().min(0),
  end: z.coerce.number().positive(),
  width: z.coerce.number().int().min(16).max(4096),
});

/** The window forwards and at most `maxSeconds` long. */
function boundedWindow<S extends z.ZodType<{ start: number; end: number }>>(schema: S, maxSeconds: number, tooLong: string): S {
  return schema
    .refine((q) => q.end > q.start, { path: ['end'], message: 'end must be after start' })
    .refine((q) => q.end - q.start <= maxSeconds, { path: ['end'], message: tooLong });
}

/** The longest stretch one spectrogram covers: the editor asks for the part of the waveform in view. */
export const MAX_SPECTROGRAM_SECONDS = 600;

export const getAssetSpectrogram = defineOperation({
  id: 'getAssetSpectrogram',
  method: 'GET',
  path: '/projects/{projectId}/assets/{assetId}/spectrogram',
  tag: 'Assets',
  summary: `A PNG spectrogram of [start, end) seconds of a recording (at most ${MAX_SPECTROGRAM_SECONDS} s), computed on demand`,
  params: ZAssetRefSchema,
  query: boundedWindow(
    ZWindowSchema.extend({ height: z.coerce.number().int().min(16).max(512) }),
    MAX_SPECTROGRAM_SECONDS,
    `a spectrogram covers at most ${MAX_SPECTROGRAM_SECONDS} s`,
  ),
  response: z.unknown(),
  binaryResponse: 'image/png',
});

/** The longest stretch the sample view reads: zoomed in that far, a pixel is a few samples. */
export const MAX_SAMPLE_SECONDS = 2;

export const getAssetSamples = defineOperation({
  id: 'getAssetSamples',
  method: 'GET',
  path: '/projects/{projectId}/assets/{assetId}/samples',
  tag: 'Assets',
  summary: `The original's samples (mono, its own rate) of [start, end) seconds (at most ${MAX_SAMPLE_SECONDS} s), or their min/max per pixel past two samples a pixel`,
  params: ZAssetRefSchema,
  query: boundedWindow(ZWindowSchema, MAX_SAMPLE_SECONDS, `the sample view covers at most ${MAX_SAMPLE_SECONDS} s`),
  response: ZSampleWindowSchema,
});

export const retryAsset = defineOperation({
  id: 'retryAsset',
  method: 'POST',
  path: '/projects/{projectId}/assets/{assetId}/retry',
  tag: 'Assets',
  summary: 'Run a quarantined asset through the pipeline again (OWNER, DATA_LEAD)',
  params: ZAssetRefSchema,
  response: ZAssetSummarySchema,
});

export const discardAsset = defineOperation({
  id: 'discardAsset',
  method: 'DELETE',
  path: '/projects/{projectId}/assets/{assetId}',
  tag: 'Assets',
  summary: 'Remove a quarantined asset from the project (its raw bytes stay in the immutable store) (OWNER, DATA_LEAD)',
  params: ZAssetRefSchema,
  response: z.null(),
  status: 204,
});
