import { runAvTool } from '../av/run-av-tool';
import type { AvProbe } from '../av/probe-av';

/** The proxy's shorter side: enough to label on, a fraction of the bytes of 4K. */
export const PROXY_SHORT_SIDE = 720;

// Caps the shorter side (portrait videos too) and keeps both sides even, as yuv420p requires.
const SCALE =
  `scale=w='if(gte(iw,ih),-2,2*trunc(min(${PROXY_SHORT_SIDE},iw)/2))'` +
  `:h='if(gte(iw,ih),2*trunc(min(${PROXY_SHORT_SIDE},ih)/2),-2)'`;

/**
 * H.264/AAC MP4 every browser plays, index first (+faststart) for range-request streaming, a keyframe
 * every second so seeking decodes at most a second of video, and every source frame kept at its own
 * time (`-fps_mode passthrough`: no frame dropped or duplicated, variable frame rate preserved), so
 * frame n of the proxy is frame n of the original.
 */
export async function makeVideoProxy(filePath: string, probe: AvProbe, outPath: string) {
  const audioChannels = Math.min(probe.audio?.channels ?? 0, 2);
  const audio = audioChannels
    ? ['-map', '0:a:0', '-c:a', 'aac', '-aac_coder', 'fast', '-b:a', `${64 * audioChannels}k`, '-ac', String(audioChannels)]
    : [];
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-i', filePath, '-map', '0:v:0', ...audio, '-sn', '-dn', '-map_metadata', '-1'],
      ...['-vf', SCALE, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
      ...['-fps_mode', 'passthrough', '-force_key_frames', 'expr:gte(t,n_forced*1)'],
      ...['-movflags', '+faststart', '-f', 'mp4', outPath],
    ],
    { timeoutMs: 120_000 + probe.durationSec * 4000 },
  );
  return {
    codec: 'h264',
    profile: 'yuv420p',
    crf: 23,
    keyframeIntervalSec: 1,
    maxShortSide: PROXY_SHORT_SIDE,
    audio: audioChannels > 0,
    faststart: true,
  };
}
