import type { TPeakLevel } from '@/lib/schemas/workflow';
import { db } from '../db';
import { assetContentUrl, derivativeUrl } from './asset-urls';

/**
 * What an editor plays and draws for an asset: the proxy when the pipeline made one (a streamable
 * AAC or H.264 of a long or unplayable original), else the original; for audio the waveform's peak
 * levels, finest first; for video the frame map. Images have none of these.
 */
export async function playableMedia(
  projectId: string,
  asset: { id: string; kind: string },
): Promise<{ playUrl: string; peaks: TPeakLevel[]; frameMapUrl: string | null }> {
  const playUrl = assetContentUrl(projectId, asset.id);
  if (asset.kind === 'IMAGE') return { playUrl, peaks: [], frameMapUrl: null };
  const derivatives = await db().assetDerivative.findMany({
    where: { assetId: asset.id, kind: { in: ['PEAKS', 'PROXY', 'FRAME_MAP'] } },
    select: { kind: true, variant: true, blobSha256: true, params: true },
  });
  const proxy = derivatives.find((d) => d.kind === 'PROXY');
  const peaks = derivatives
    .filter((d) => d.kind === 'PEAKS')
    .map((d) => {
      const params = (d.params ?? {}) as { samplesPerPixel?: number; sampleRate?: number; length?: number };
      return {
        samplesPerPixel: params.samplesPerPixel ?? Number(d.variant),
        sampleRate: params.sampleRate ?? 0,
        length: params.length ?? 0,
        url: derivativeUrl(projectId, asset.id, d),
      };
    })
    .filter((level) => level.sampleRate > 0 && level.length > 0)
    .sort((a, b) => a.samplesPerPixel - b.samplesPerPixel);
  const frameMap = derivatives.find((d) => d.kind === 'FRAME_MAP');
  return {
    playUrl: proxy ? derivativeUrl(projectId, asset.id, proxy) : playUrl,
    peaks,
    frameMapUrl: frameMap ? derivativeUrl(projectId, asset.id, frameMap) : null,
  };
}
