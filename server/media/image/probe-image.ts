import sharp, { type Metadata } from 'sharp';
import { rejectionFromSharp } from './sharp-error';

export interface ImageProbe {
  kind: 'IMAGE';
  format: string;
  /** As displayed: EXIF orientations 5–8 (a quarter turn) swap the stored width and height. */
  width: number;
  height: number;
  storedWidth: number;
  storedHeight: number;
  orientation: number;
  channels: number;
  hasAlpha: boolean;
  space: string | null;
  pages: number;
}

/**
 * Reads the header only (cheap, whatever the image size). The pixel limit is checked against the
 * header before anything is decoded, so a 50,000 × 50,000 PNG of a few bytes never allocates.
 * A truncated body still passes here: the first full decode (the thumbnails) catches it.
 */
export async function probeImage(filePath: string, options: { maxPixels: number }): Promise<ImageProbe> {
  let meta: Metadata;
  try {
    meta = await sharp(filePath, { limitInputPixels: options.maxPixels }).metadata();
  } catch (error) {
    throw rejectionFromSharp(error);
  }
  return {
    kind: 'IMAGE',
    format: meta.format,
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    storedWidth: meta.width,
    storedHeight: meta.height,
    orientation: meta.orientation ?? 1,
    channels: meta.channels,
    hasAlpha: meta.hasAlpha,
    space: meta.space ?? null,
    pages: meta.pages ?? 1,
  };
}
