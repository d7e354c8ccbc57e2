import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import type { DerivativeFile } from '../types';
import type { ImageProbe } from './probe-image';
import { rejectionFromSharp } from './sharp-error';

/** Longest side in pixels; the variant name is the size. Never upscaled. */
export const THUMBNAIL_SIZES = [1024, 256] as const;
const WEBP_QUALITY = 80;

export interface MakeImageDerivativesInput {
  filePath: string;
  probe: ImageProbe;
  workDir: string;
  maxPixels: number;
  timeoutMs: number;
}

/**
 * Decodes the image once (orientation applied, shrunk to the largest thumbnail, with shrink-on-load
 * where the format has it) and encodes every size from those pixels. That decode is the first to
 * read the whole file, so a truncated or corrupt body is rejected here.
 */
export async function makeImageDerivatives(input: MakeImageDerivativesInput): Promise<DerivativeFile[]> {
  const largest = THUMBNAIL_SIZES[0];
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(input.filePath, { limitInputPixels: input.maxPixels, failOn: 'truncated' })
      .autoOrient()
      .resize(largest, largest, { fit: 'inside', withoutEnlargement: true })
      .timeout({ seconds: Math.max(1, Math.ceil(input.timeoutMs / 1000)) })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw rejectionFromSharp(error);
  }
  const { data, info } = decoded;
  const files: DerivativeFile[] = [];
  for (const size of THUMBNAIL_SIZES) {
    const file = path.join(input.workDir, `thumbnail-${size}.webp`);
    const written = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toFile(file);
    files.push({
      kind: 'THUMBNAIL',
      variant: String(size),
      path: file,
      mime: 'image/webp',
      params: {
        maxSide: size,
        width: written.width,
        height: written.height,
        quality: WEBP_QUALITY,
        orientation: input.probe.orientation,
      },
      tool: 'sharp',
      toolVersion: sharp.versions.sharp ?? 'unknown',
    });
  }
  return files;
}
