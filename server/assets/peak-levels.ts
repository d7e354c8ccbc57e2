import type { TPeakLevel } from '@/lib/schemas/workflow';
import { derivativeUrl } from './asset-urls';

/** A stored derivative row, as much of it as the waveform's levels need. */
export interface PeaksDerivative {
  variant: string;
  blobSha256: string;
  params: unknown;
}

/**
 * The waveform levels an asset's PEAKS derivatives give, finest first. A level the worker recorded
 * without its rate or length cannot be placed on the time axis, so it is left out.
 */
export function peakLevels(projectId: string, assetId: string, derivatives: readonly PeaksDerivative[]): TPeakLevel[] {
  return derivatives
    .map((d) => {
      const params = (d.params ?? {}) as { samplesPerPixel?: number; sampleRate?: number; length?: number };
      return {
        samplesPerPixel: params.samplesPerPixel ?? Number(d.variant),
        sampleRate: params.sampleRate ?? 0,
        length: params.length ?? 0,
        url: derivativeUrl(projectId, assetId, { kind: 'PEAKS', ...d }),
      };
    })
    .filter((level) => level.sampleRate > 0 && level.length > 0)
    .sort((a, b) => a.samplesPerPixel - b.samplesPerPixel);
}
