import sharp from 'sharp';
import type { Prisma } from '../generated/prisma/client';
import type { AssetKind } from '../generated/prisma/enums';
import { ffmpegVersion } from '../media/av/ffmpeg-version';
import { probeAv } from '../media/av/probe-av';
import { probeImage } from '../media/image/probe-image';
import { sniffMedia } from '../media/sniff';
import type { TPipelineLimits } from './pipeline-limits';

/** What the ingest stage writes onto the asset. */
export interface MediaFacts {
  kind: AssetKind;
  mime: string;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fps: number | null;
  frameCount: number | null;
  probe: Prisma.InputJsonValue;
}

/**
 * Sniffs the bytes, then asks the tool for that family. `tools` is filled as each tool is used, so
 * a run that fails half-way still records which versions it ran.
 */
export async function probeMedia(filePath: string, limits: TPipelineLimits, tools: Record<string, string>): Promise<MediaFacts> {
  const sniffed = await sniffMedia(filePath);
  if (sniffed.family === 'IMAGE') {
    tools.sharp = sharp.versions.sharp ?? 'unknown';
    tools.libvips = sharp.versions.vips;
    const image = await probeImage(filePath, { maxPixels: limits.PIPELINE_MAX_IMAGE_PIXELS });
    return {
      kind: 'IMAGE',
      mime: sniffed.mime,
      width: image.width,
      height: image.height,
      durationSec: null,
      fps: null,
      frameCount: null,
      probe: { ...image, sniffedMime: sniffed.mime },
    };
  }
  tools.ffprobe = await ffmpegVersion();
  const av = await probeAv(filePath);
  return {
    kind: av.kind,
    mime: av.mime,
    width: av.video?.width ?? null,
    height: av.video?.height ?? null,
    durationSec: av.durationSec,
    fps: av.video?.fps ?? null,
    frameCount: av.video?.frameCount ?? null,
    probe: { ...av, sniffedMime: sniffed.mime } as Prisma.InputJsonValue,
  };
}
