import { runAvTool } from './run-av-tool';

let cached: Promise<string> | undefined;

/** "5.1.9-0+deb12u1" from `ffmpeg -version`, asked once per process and recorded on every derivative. */
export function ffmpegVersion(): Promise<string> {
  cached ??= runAvTool('ffmpeg', ['-version'], { timeoutMs: 10_000 }).then(({ stdout }) => {
    const match = /^ffmpeg version (\S+)/m.exec(stdout);
    return match?.[1] ?? 'unknown';
  });
  return cached;
}
