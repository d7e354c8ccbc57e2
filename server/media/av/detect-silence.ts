import { runAvTool } from './run-av-tool';

/** Below this peak level a recording holds nothing worth labeling (the hiss of an idle input is ~-70). */
export const SILENCE_PEAK_DBFS = -60;

/**
 * Decodes the first audio stream through `volumedetect` and reads its `max_volume`. Digital silence
 * has no level at all (ffmpeg prints -91 dB, the floor of 16-bit samples, or nothing).
 */
export async function measurePeakDbfs(filePath: string, timeoutMs: number): Promise<number> {
  const { stderr } = await runAvTool(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', filePath, '-map', '0:a:0', '-af', 'volumedetect', '-f', 'null', '-'],
    { timeoutMs },
  );
  const match = /max_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr);
  if (!match?.[1] || match[1] === '-inf') return -Infinity;
  return Number(match[1]);
}
