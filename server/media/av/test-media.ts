import { open } from 'node:fs/promises';
import { runAvTool } from './run-av-tool';

// Media for tests, generated with ffmpeg's lavfi sources into the test's temp directory.

export async function ffmpeg(...args: string[]): Promise<void> {
  await runAvTool('ffmpeg', ['-v', 'error', '-y', ...args], { timeoutMs: 120_000 });
}

export async function makeTestsrc(
  outPath: string,
  options: { seconds: number; fps: number; audio?: boolean; faststart?: boolean },
) {
  const audio = options.audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${options.seconds}`, '-c:a', 'aac'] : [];
  await ffmpeg(
    ...['-f', 'lavfi', '-i', `testsrc=size=320x240:rate=${options.fps}:duration=${options.seconds}`, ...audio],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', String(options.fps)],
    ...(options.faststart ? ['-movflags', '+faststart'] : []),
    outPath,
  );
}

/** 2 s at 25 fps then 2 s at 10 fps in one stream, timestamps kept as they are (variable frame rate). */
export async function makeVariableRateVideo(outPath: string) {
  await ffmpeg(
    ...[
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25:duration=2',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=10:duration=2',
    ],
    ...['-filter_complex', '[0:v]settb=1/1000[a];[1:v]settb=1/1000[b];[a][b]concat=n=2:v=1:a=0[v]', '-map', '[v]'],
    ...['-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-pix_fmt', 'yuv420p', outPath],
  );
}

/** Presentation times of the first video stream's packets, ascending, as ffprobe reports them. */
export async function ffprobeFrameTimes(filePath: string): Promise<number[]> {
  const { stdout } = await runAvTool(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', filePath],
    { timeoutMs: 30_000 },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

export async function ffprobeStreams(
  filePath: string,
): Promise<{ codec_name: string; codec_type: string; width?: number; height?: number }[]> {
  const { stdout } = await runAvTool('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', filePath], { timeoutMs: 30_000 });
  return (JSON.parse(stdout) as { streams: never[] }).streams;
}

/** The MP4's top-level boxes in file order: faststart means "moov" comes before "mdat". */
export async function topLevelBoxes(filePath: string): Promise<string[]> {
  const file = await open(filePath);
  try {
    const { size } = await file.stat();
    const boxes: string[] = [];
    const header = Buffer.alloc(16);
    for (let offset = 0; offset + 8 <= size;) {
      await file.read(header, 0, 16, offset);
      const small = header.readUInt32BE(0);
      const boxSize = small === 1 ? Number(header.readBigUInt64BE(8)) : small;
      boxes.push(header.toString('latin1', 4, 8));
      if (boxSize < 8) break;
      offset += boxSize;
    }
    return boxes;
  } finally {
    await file.close();
  }
}
