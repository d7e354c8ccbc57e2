import { runAvTool } from '../av/run-av-tool';

export async function imageSize(filePath: string): Promise<{ width: number; height: number }> {
  const { stdout } = await runAvTool(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', filePath],
    {
      timeoutMs: 15_000,
    },
  );
  const [width, height] = stdout.trim().split(',').map(Number);
  return { width: width ?? 0, height: height ?? 0 };
}

/** Input seeking lands on the first frame at or after the time: aim just before, never past it. */
export function seekTo(time: number): string {
  return Math.max(0, time - 0.0005).toFixed(6);
}
