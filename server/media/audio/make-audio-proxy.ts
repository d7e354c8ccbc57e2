import { runAvTool } from '../av/run-av-tool';
import type { AvProbe } from '../av/probe-av';

/** Files up to this size in a codec every browser plays are served as they are. */
export const SMALL_AUDIO_BYTES = 16 * 1024 ** 2;

const BROWSER_PLAYABLE: Record<string, readonly string[]> = {
  'audio/mpeg': ['mp3'],
  'audio/mp4': ['aac'],
  'audio/ogg': ['opus', 'vorbis'],
  'audio/webm': ['opus', 'vorbis'],
  'audio/wav': ['pcm_s16le', 'pcm_u8'],
  'audio/flac': ['flac'],
};

/**
 * A proxy is made unless the original is both small and in a codec/container pair every current
 * browser plays: a 2 GB WAV, a FLAC album or an AMR voice memo all get one.
 */
export function needsAudioProxy(probe: AvProbe, bytes: number): boolean {
  const playable = BROWSER_PLAYABLE[probe.mime]?.includes(probe.audio?.codec ?? '') ?? false;
  return !(playable && bytes <= SMALL_AUDIO_BYTES);
}

/**
 * AAC-LC in an MP4 with the index first (+faststart), so a browser starts playing and seeks with range
 * requests before the whole file arrives. AAC rather than Opus: Safari plays it in every version. The
 * fast AAC coder is 2.4× quicker (a 3-hour file in minutes) and good enough to label by ear.
 */
export async function makeAudioProxy(filePath: string, probe: AvProbe, outPath: string) {
  const channels = Math.min(probe.audio?.channels ?? 1, 2);
  const bitrateKbps = 64 * channels;
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-i', filePath, '-map', '0:a:0', '-vn', '-sn', '-dn', '-map_metadata', '-1'],
      ...[
        '-ac',
        String(channels),
        '-c:a',
        'aac',
        '-aac_coder',
        'fast',
        '-b:a',
        `${bitrateKbps}k`,
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        outPath,
      ],
    ],
    { timeoutMs: 60_000 + probe.durationSec * 1000 },
  );
  return { codec: 'aac', container: 'm4a', bitrateKbps, channels, faststart: true };
}
