import sharp, { type OutputInfo } from 'sharp';
import type { DerivativeBytes } from '../types';
import type { ImageProbe } from './probe-image';
import { rejectionFromSharp } from './sharp-error';

/** Longest side in pixels; the variant name is the size. Never upscaled. */
export const THUMBNAIL_SIZES = [1024, 256] as const;
const WEBP_QUALITY = 80;

export interface MakeImageDerivativesInput {
  filePath: string;
  probe: ImageProbe;
  maxPixels: number;
  timeoutMs: number;
}

/**
 * Encodes each size straight from the file, in memory. A decode per size is cheaper than one shared
 * full-size decode: JPEG and WebP shrink on load, so the small size decodes a fraction of the
 * pixels. These decodes are the first to read the whole file, so a truncated or corrupt body is
 * rejected here.
 */
export async function makeImageDerivatives(input: MakeImageDerivativesInput): Promise<DerivativeBytes[]> {
  const timeout = { seconds: Math.max(1, Math.ceil(input.timeoutMs / 1000)) };
  return Promise.all(
    THUMBNAIL_SIZES.map(async (size): Promise<DerivativeBytes> => {
      let encoded: { data: Buffer; info: OutputInfo };
      try {
        encoded = await sharp(input.filePath, { limitInputPixels: input.maxPixels, failOn: 'truncated' })
          .autoOrient()
          .resize(size, size, { fit: 'inside', withoutEnlargement: true })
          .timeout(timeout)
          .webp({ quality: WEBP_QUALITY })
          .toBuffer({ resolveWithObject: true });
      } catch (error) {
        throw rejectionFromSharp(error);
      }
      return {
        kind: 'THUMBNAIL',
        variant: String(size),
        data: encoded.data,
        mime: 'image/webp',
        params: {
          maxSide: size,
          width: encoded.info.width,
          height: encoded.info.height,
          quality: WEBP_QUALITY,
          orientation: input.probe.orientation,
        },
        tool: 'sharp',
        toolVersion: sharp.versions.sharp ?? 'unknown',
      };
    }),
  );
}
