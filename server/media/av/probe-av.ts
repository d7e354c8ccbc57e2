import { stat } from 'node:fs/promises';
import { MediaRejection } from '../media-rejection';
import { describeFormat } from './av-format';
import { measurePeakDbfs, SILENCE_PEAK_DBFS } from './detect-silence';
import { parseRate, readFfprobeInfo, type TFfprobeInfo, type TFfprobeStream } from './ffprobe-info';
import { hasVariableSpacing, readVideoPackets } from './read-video-packets';
import { AvToolError, runAvTool } from './run-av-tool';

export interface AvProbe {
  kind: 'AUDIO' | 'VIDEO';
  mime: string;
  container: string;
  durationSec: number;
  video?: { codec: string; width: number; height: number; fps: number; frameCount: number; variableFrameRate: boolean };
  audio?: { codec: string; sampleRate: number; channels: number };
  /** Audio whose loudest sample stays under -60 dBFS: kept (READY), but flagged for the people labeling. */
  silent?: boolean;
}

export interface ProbeOptions {
  maxDurationSec?: number;
}

export const DEFAULT_MAX_DURATION_SEC = 12 * 3600;
const PROBE_TIMEOUT_MS = 120_000;
// Formats ffprobe recognises that are not audio or video: single images and text (the "tty" demuxer).
const NOT_AV_FORMATS = /(^|,)(image2|tty|[a-z0-9]+_pipe)(,|$)/;

/**
 * Probes and validates an audio or video file. Bad input throws MediaRejection (zero_length, corrupt,
 * unsupported_type, unsupported_codec, too_long, timeout): the pipeline quarantines it without retrying.
 */
export async function probeAv(filePath: string, options: ProbeOptions = {}): Promise<AvProbe> {
  const maxDurationSec = options.maxDurationSec ?? DEFAULT_MAX_DURATION_SEC;
  if ((await stat(filePath)).size === 0) throw new MediaRejection('zero_length', 'the file is empty');
  const info = await readFfprobeInfo(filePath, PROBE_TIMEOUT_MS).catch((error: unknown) => {
    // A missing ffprobe (ENOENT) is our fault and worth a retry; an exit code is the file's.
    if (!(error instanceof AvToolError)) throw error;
    throw new MediaRejection('corrupt', `not a readable audio or video file (${scrub(lastLine(error.stderr), filePath)})`);
  });
  if (NOT_AV_FORMATS.test(info.format.format_name))
    throw new MediaRejection('unsupported_type', `"${info.format.format_name}" is not an audio or video format`);
  const video = info.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = info.streams.find((s) => s.codec_type === 'audio');
  if (!video && !audio) throw new MediaRejection('corrupt', 'the file has no audio or video stream');
  for (const stream of [video, audio]) if (stream) checkComplete(stream, info);
  const durationSec = Number(info.format.duration ?? video?.duration ?? audio?.duration);
  if (!(durationSec > 0)) throw new MediaRejection('corrupt', 'the file has no duration');
  if (durationSec > maxDurationSec)
    throw new MediaRejection('too_long', `${formatHours(durationSec)} is longer than the ${formatHours(maxDurationSec)} limit`);

  const kind = video ? 'VIDEO' : 'AUDIO';
  const codecs = [video?.codec_name, audio?.codec_name].filter((c): c is string => Boolean(c));
  const probe: AvProbe = { kind, ...describeFormat(info.format.format_name, kind, codecs), durationSec };
  if (audio)
    probe.audio = { codec: audio.codec_name ?? '', sampleRate: Number(audio.sample_rate), channels: audio.channels ?? 0 };
  if (video) probe.video = await describeVideo(filePath, video, durationSec);
  else
    probe.silent =
      (await decodeOrReject(filePath, () => measurePeakDbfs(filePath, 30_000 + durationSec * 100))) < SILENCE_PEAK_DBFS;
  return probe;
}

async function describeVideo(
  filePath: string,
  stream: TFfprobeStream,
  durationSec: number,
): Promise<NonNullable<AvProbe['video']>> {
  // Decoding one frame catches a codec ffmpeg cannot decode, which probing alone does not.
  await decodeOrReject(filePath, () =>
    runAvTool('ffmpeg', ['-v', 'error', '-i', filePath, '-map', '0:v:0', '-frames:v', '1', '-f', 'null', '-'], {
      timeoutMs: 60_000,
    }),
  );
  const packets = await readVideoPackets(filePath, PROBE_TIMEOUT_MS + durationSec * 20);
  // An MP4 edit list can end before the last packet (a VFR muxer that did not know the last frame's
  // length): decoders and browsers never show those frames, so they are not counted.
  const end = Number(stream.start_time ?? 0) + Number(stream.duration);
  const times = end > 0 ? packets.times.filter((t) => t < end - 1e-6) : packets.times;
  const declared = parseRate(stream.r_frame_rate);
  const average = parseRate(stream.avg_frame_rate);
  const ratesDiffer = declared > 0 && average > 0 && Math.abs(declared - average) / declared > 0.05;
  return {
    codec: stream.codec_name ?? '',
    width: stream.width ?? 0,
    height: stream.height ?? 0,
    fps: average || declared,
    frameCount: times.length,
    variableFrameRate: ratesDiffer || hasVariableSpacing(times),
  };
}

// A header that promises more packets than the file holds: an upload cut short.
function checkComplete(stream: TFfprobeStream, info: TFfprobeInfo): void {
  if (!stream.codec_name || stream.codec_name === 'none')
    throw new MediaRejection('unsupported_codec', `the ${stream.codec_type} codec is not recognised`);
  // PCM headers count samples, not packets; every other codec's nb_frames counts packets.
  const promised = stream.codec_name.startsWith('pcm_') ? 0 : Number(stream.nb_frames);
  const read = Number(stream.nb_read_packets);
  if ((promised > 0 && read < promised) || /partial file/i.test(info.stderr))
    throw new MediaRejection('corrupt', `truncated: ${read} of ${promised || '?'} ${stream.codec_type} packets present`);
}

async function decodeOrReject<T>(filePath: string, decode: () => Promise<T>): Promise<T> {
  try {
    return await decode();
  } catch (error) {
    if (!(error instanceof AvToolError)) throw error;
    const detail = scrub(lastLine(error.stderr), filePath);
    if (/decoder|not supported|unsupported/i.test(error.stderr))
      throw new MediaRejection('unsupported_codec', `cannot decode (${detail})`);
    throw new MediaRejection('corrupt', `cannot decode (${detail})`);
  }
}

// Rejection reasons are shown to users: they must not reveal where the server keeps files.
function scrub(text: string, filePath: string): string {
  return text.replaceAll(filePath, 'input');
}

function lastLine(stderr: string): string {
  return stderr.split('\n').at(-1) || 'ffprobe failed';
}

function formatHours(seconds: number): string {
  return `${(seconds / 3600).toFixed(2)} h`;
}
