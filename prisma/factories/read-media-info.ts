import sharp from 'sharp';
import type { AssetKind } from '@/server/generated/prisma/enums';
import { runTool } from '@/server/media/run-tool';

export interface MediaInfo {
  mime: string;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fps: number | null;
  frameCount: number | null;
  metadata: Record<string, string | number | boolean>;
}

const IMAGE_MIME: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
};

// ffprobe's format_name lists every name a demuxer answers to ("mov,mp4,m4a,3gp,3g2,mj2").
const CONTAINER_MIME: [string, { AUDIO: string; VIDEO: string }][] = [
  ['wav', { AUDIO: 'audio/wav', VIDEO: 'audio/wav' }],
  ['mp3', { AUDIO: 'audio/mpeg', VIDEO: 'audio/mpeg' }],
  ['flac', { AUDIO: 'audio/flac', VIDEO: 'audio/flac' }],
  ['ogg', { AUDIO: 'audio/ogg', VIDEO: 'video/ogg' }],
  ['webm', { AUDIO: 'audio/webm', VIDEO: 'video/webm' }],
  ['mp4', { AUDIO: 'audio/mp4', VIDEO: 'video/mp4' }],
];

export async function readMediaInfo(file: string, kind: AssetKind): Promise<MediaInfo> {
  return kind === 'IMAGE' ? readImageInfo(file) : readTimedInfo(file, kind);
}

async function readImageInfo(file: string): Promise<MediaInfo> {
  const meta = await sharp(file).metadata();
  // Sizes as displayed: an EXIF-rotated photo swaps width and height.
  const { width, height } = meta.autoOrient;
  return {
    mime: IMAGE_MIME[meta.format] ?? 'application/octet-stream',
    width,
    height,
    durationSec: null,
    fps: null,
    frameCount: null,
    metadata: { format: meta.format, channels: meta.channels, hasAlpha: meta.hasAlpha, orientation: meta.orientation ?? 1 },
  };
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
}

async function readTimedInfo(file: string, kind: 'AUDIO' | 'VIDEO'): Promise<MediaInfo> {
  const probe = JSON.parse(
    await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]),
  ) as { format?: { format_name?: string; duration?: string }; streams?: ProbeStream[] };
  const formatName = probe.format?.format_name ?? '';
  const durationSec = probe.format?.duration ? Number(probe.format.duration) : null;
  const video = probe.streams?.find((s) => s.codec_type === 'video');
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  const fps = kind === 'VIDEO' && video ? (parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate)) : null;
  const frameCount =
    kind !== 'VIDEO' || !video
      ? null
      : video.nb_frames
        ? Number(video.nb_frames)
        : fps && durationSec
          ? Math.round(fps * durationSec)
          : null;
  const mime = CONTAINER_MIME.find(([name]) => formatName.split(',').includes(name))?.[1][kind] ?? 'application/octet-stream';
  const metadata: MediaInfo['metadata'] = { container: formatName };
  if (video?.codec_name) metadata.videoCodec = video.codec_name;
  if (audio?.codec_name) metadata.audioCodec = audio.codec_name;
  if (audio?.sample_rate) metadata.sampleRate = Number(audio.sample_rate);
  if (audio?.channels) metadata.channels = audio.channels;
  return { mime, width: video?.width ?? null, height: video?.height ?? null, durationSec, fps, frameCount, metadata };
}

// "25/1", "30000/1001"; "0/0" means unknown.
function parseRate(rate: string | undefined): number | null {
  const [num, den] = (rate ?? '').split('/').map(Number);
  return num && den ? num / den : null;
}
