import { runAvTool } from '../av/run-av-tool';
import { imageSize, seekTo } from './image-size';

export const STRIP_FRAMES = 10;
export const STRIP_TILE_WIDTH = 160;

/**
 * A 10×1 sprite of evenly spaced frames (the middle of each tenth) for the timeline and hover
 * previews. Each tile is a real frame of the proxy, found by seeking (never decoding the whole video).
 */
export async function makeThumbnailStrip(proxyPath: string, frameTimes: readonly number[], outPath: string) {
  const count = Math.min(STRIP_FRAMES, frameTimes.length);
  const frames = Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * frameTimes.length) / count));
  const times = frames.map((f) => frameTimes[f] ?? 0);
  const tiles = times.map((_, i) => `[${i}:v]scale=${STRIP_TILE_WIDTH}:-2,setsar=1[v${i}]`);
  const join = count > 1 ? `${times.map((_, i) => `[v${i}]`).join('')}hstack=inputs=${count}[out]` : '[v0]null[out]';
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y'],
      ...times.flatMap((t) => ['-ss', seekTo(t), '-i', proxyPath]),
      ...[
        '-filter_complex',
        [...tiles, join].join(';'),
        '-map',
        '[out]',
        '-frames:v',
        '1',
        '-c:v',
        'libwebp',
        '-quality',
        '75',
        outPath,
      ],
    ],
    { timeoutMs: 120_000 },
  );
  const { height } = await imageSize(outPath);
  return { columns: count, rows: 1, tileWidth: STRIP_TILE_WIDTH, tileHeight: height, frames, times };
}
