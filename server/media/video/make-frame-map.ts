import { writeFile } from 'node:fs/promises';
import { readVideoPackets, type VideoPackets } from '../av/read-video-packets';
import type { AvProbe } from '../av/probe-av';

export interface FrameMap {
  version: 1;
  fps: number;
  frameCount: number;
  variableFrameRate: boolean;
  /** Presentation time (s, 6 decimals) of every frame of the proxy, in order: frame n starts at times[n]. */
  times: number[];
  /** Frame numbers the proxy can seek to without decoding from an earlier frame. */
  keyframes: number[];
}

/**
 * Reads the proxy's own packet times (what the browser's currentTime reports), not the source's, so
 * time ↔ frame stays exact in the editor even when the source's frame rate varies.
 */
export async function makeFrameMap(
  proxyPath: string,
  probe: AvProbe,
  outPath: string,
): Promise<{ map: FrameMap; packets: VideoPackets }> {
  const packets = await readVideoPackets(proxyPath, 120_000 + probe.durationSec * 20);
  const map: FrameMap = {
    version: 1,
    fps: probe.video?.fps ?? 0,
    frameCount: packets.times.length,
    variableFrameRate: probe.video?.variableFrameRate ?? false,
    times: packets.times.map((t) => Math.round(t * 1e6) / 1e6),
    keyframes: packets.keyframes,
  };
  await writeFile(outPath, JSON.stringify(map));
  return { map, packets };
}
