import { runAvTool } from './run-av-tool';

export interface VideoPackets {
  /** Presentation time (s) of every packet (= frame) of the first video stream, ascending. */
  times: number[];
  /** Indexes into `times` of the keyframes. */
  keyframes: number[];
}

/**
 * Lists the first video stream's packets without decoding (a demux pass: seconds even for hours of
 * video). Packets come in decode order, so they are sorted by presentation time here.
 */
export async function readVideoPackets(filePath: string, timeoutMs: number): Promise<VideoPackets> {
  const packets: { t: number; key: boolean }[] = [];
  let partial = '';
  const take = (line: string) => {
    const [pts, flags] = line.split(',');
    const t = Number(pts);
    if (pts && pts !== 'N/A' && Number.isFinite(t)) packets.push({ t, key: flags?.startsWith('K') ?? false });
  };
  await runAvTool(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', filePath],
    {
      timeoutMs,
      onStdout: (chunk) => {
        const lines = (partial + chunk.toString('latin1')).split('\n');
        partial = lines.pop() ?? '';
        lines.forEach(take);
      },
    },
  );
  take(partial);
  packets.sort((a, b) => a.t - b.t);
  return {
    times: packets.map((p) => p.t),
    keyframes: packets.flatMap((p, i) => (p.key ? [i] : [])),
  };
}

/** Frame steps that differ from the typical one by more than 10%: a dropped frame, a rate change. */
export function hasVariableSpacing(times: readonly number[]): boolean {
  if (times.length < 3) return false;
  const steps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
  const median = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  // Container time bases round steps (33/34 ms for 29.97 fps in a 1/1000 base): stay under 10%.
  return steps.some((s) => Math.abs(s - median) > median * 0.1);
}
