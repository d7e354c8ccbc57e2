import { runAvTool } from './av/run-av-tool';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** ffmpeg/ffprobe's stdout, for callers that need nothing streamed (fixtures, factories). */
export async function runTool(
  command: 'ffmpeg' | 'ffprobe',
  args: string[],
  options: { timeoutMs?: number } = {},
): Promise<string> {
  return (await runAvTool(command, args, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS })).stdout;
}
