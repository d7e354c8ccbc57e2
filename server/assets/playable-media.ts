import type { TPeakLevel } from '@/lib/schemas/workflow';
import { db } from '../db';
import { assetContentUrl, derivativeUrl } from './asset-urls';
import { peakLevels } from './peak-levels';

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
  const peaks = peakLevels(
    projectId,
    asset.id,
    derivatives.filter((d) => d.kind === 'PEAKS'),
  );
  const frameMap = derivatives.find((d) => d.kind === 'FRAME_MAP');
  return {
    playUrl: proxy ? derivativeUrl(projectId, asset.id, proxy) : playUrl,
    peaks,
    frameMapUrl: frameMap ? derivativeUrl(projectId, asset.id, frameMap) : null,
  };
}
