import type { AssetKind } from '../generated/prisma/enums';
import type { AvProbe } from '../media/av/probe-av';
import { makeAudioDerivatives } from '../media/audio/make-audio-derivatives';
import { makeImageDerivatives } from '../media/image/make-image-derivatives';
import type { ImageProbe } from '../media/image/probe-image';
import type { Derivative } from '../media/types';
import { makeVideoDerivatives } from '../media/video/make-video-derivatives';
import type { TPipelineLimits } from './pipeline-limits';

export interface MakeDerivativesInput {
  kind: AssetKind;
  filePath: string;
  /** Asset.probe as the ingest stage wrote it for this kind (ImageProbe or AvProbe). */
  probe: unknown;
  workDir: string;
  limits: TPipelineLimits;
}

export function makeDerivatives(input: MakeDerivativesInput): Promise<Derivative[]> {
  const { filePath, workDir } = input;
  // The probe JSON was written by probeMedia for this very kind in the ingest stage.
  if (input.kind === 'AUDIO') return makeAudioDerivatives({ filePath, workDir, probe: input.probe as AvProbe });
  if (input.kind === 'VIDEO') return makeVideoDerivatives({ filePath, workDir, probe: input.probe as AvProbe });
  return makeImageDerivatives({
    filePath,
    probe: input.probe as ImageProbe,
    maxPixels: input.limits.PIPELINE_MAX_IMAGE_PIXELS,
    timeoutMs: input.limits.PIPELINE_IMAGE_TIMEOUT_MS,
  });
}
