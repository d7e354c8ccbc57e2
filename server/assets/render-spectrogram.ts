import type { Ctx } from '../context';
import { ffmpegWindow, findRecording } from './recording-window';

/**
 * A spectrogram of [start, end) seconds of a recording as a PNG of width × height, made by ffmpeg
 * from the streamable proxy (or the original): only the stretch in view, so it is as cheap for a
 * three-hour file as for a short one. Frequencies run up the image, linear to half the sample rate.
 */
export async function renderSpectrogram(
  ctx: Ctx,
  input: { projectId: string; assetId: string; start: number; end: number; width: number; height: number },
): Promise<ArrayBuffer> {
  const files = await findRecording(ctx, input, 'spectrogram');
  const filter = `showspectrumpic=s=${input.width}x${input.height}:legend=0:scale=log:color=intensity`;
  const png = await ffmpegWindow(
    files.playable,
    input,
    ['-vn', '-sn', '-lavfi', filter, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'],
    'This recording could not be read for a spectrogram',
  );
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
