import { sampleWindow, type SampleWindow } from '@/lib/annotate/audio/sample-window';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { ffmpegWindow, findRecording } from './recording-window';

/**
 * The samples of [start, end) seconds of a recording for the editor's sample view, decoded by
 * ffmpeg from the original at its own sample rate (the proxy is lossy and the peaks stop at 2 ms),
 * mixed to mono; reduced to min/max per pixel when there are more than two samples per pixel.
 */
export async function readSamples(
  ctx: Ctx,
  input: { projectId: string; assetId: string; start: number; end: number; width: number },
): Promise<SampleWindow> {
  const files = await findRecording(ctx, input, 'samples');
  if (!files.sampleRate) throw new AppError('UNPROCESSABLE', 'This recording has no audio stream');
  const pcm = await ffmpegWindow(
    files.original,
    input,
    ['-vn', '-sn', '-ac', '1', '-f', 'f32le', '-acodec', 'pcm_f32le', '-'],
    'This recording could not be decoded',
  );
  // Copied into an aligned buffer: the chunks ffmpeg wrote need not start on a 4-byte boundary.
  const samples = new Float32Array(new Uint8Array(pcm).buffer, 0, Math.floor(pcm.byteLength / 4));
  return sampleWindow(samples, files.sampleRate, input.start, input.width);
}
