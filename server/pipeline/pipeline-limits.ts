import { z } from 'zod';

// Pipeline limits, read once from the environment. Kept beside the pipeline until server/env.ts
// takes them over (one parse of process.env per concern).
const ZLimitsSchema = z.object({
  /** Images with more pixels than this (width × height, from the header) are decompression bombs. */
  PIPELINE_MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  /** Wall-clock limit for an image's thumbnail pass (sharp); ffmpeg runs set theirs from the duration. */
  PIPELINE_IMAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
});

export type TPipelineLimits = z.infer<typeof ZLimitsSchema>;

let cached: TPipelineLimits | undefined;

export function pipelineLimits(): TPipelineLimits {
  cached ??= ZLimitsSchema.parse(process.env);
  return cached;
}
