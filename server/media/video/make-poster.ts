import { runAvTool } from '../av/run-av-tool';
import { imageSize, seekTo } from './image-size';

export const THUMBNAIL_SIZE = 256;
// Where to look for a poster, as fractions of the video: 10% first, later if that frame is black.
const CANDIDATES = [0.1, 0.25, 0.5, 0.75];
// Mean luma of a 16×16 grey copy: black video sits at 16 (limited range); anything at all shows above.
const BLACK_MEAN_LUMA = 24;

/**
 * A poster (webp, proxy size) and a 256 px thumbnail of the same frame, taken at 10% of the video or
 * at the first later candidate that is not black (fade-ins, title cards on black).
 */
export async function makePoster(proxyPath: string, frameTimes: readonly number[], out: { poster: string; thumbnail: string }) {
  let chosen = { frame: 0, time: frameTimes[0] ?? 0 };
  for (const fraction of CANDIDATES) {
    const frame = Math.min(frameTimes.length - 1, Math.floor(frameTimes.length * fraction));
    chosen = { frame, time: frameTimes[frame] ?? 0 };
    if ((await extract(proxyPath, chosen.time, out)) > BLACK_MEAN_LUMA) break;
  }
  return { ...chosen, poster: await imageSize(out.poster), thumbnail: await imageSize(out.thumbnail) };
}

// One decode, three outputs: the poster, the thumbnail and a tiny grey copy on stdout to judge it.
async function extract(proxyPath: string, time: number, out: { poster: string; thumbnail: string }): Promise<number> {
  const grey: Buffer[] = [];
  const fit = `scale=${THUMBNAIL_SIZE}:${THUMBNAIL_SIZE}:force_original_aspect_ratio=decrease`;
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-ss', seekTo(time), '-i', proxyPath],
      ...['-filter_complex', `[0:v]split=3[p][t][g];[t]${fit}[t2];[g]scale=16:16,format=gray[g2]`],
      ...['-map', '[p]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '82', out.poster],
      ...['-map', '[t2]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', out.thumbnail],
      ...['-map', '[g2]', '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'],
    ],
    { timeoutMs: 60_000, onStdout: (chunk) => grey.push(chunk) },
  );
  const pixels = Buffer.concat(grey);
  return pixels.length ? pixels.reduce((sum, v) => sum + v, 0) / pixels.length : 0;
}
