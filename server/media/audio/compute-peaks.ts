import { runAvTool } from '../av/run-av-tool';
import { PEAKS_SAMPLE_RATE } from './choose-peak-levels';
import { type PeakLevel, PeakPyramid } from './peak-pyramid';

export interface ComputedPeaks {
  channels: number;
  sampleRate: number;
  /** Seconds actually decoded (can differ slightly from the container's claim). */
  duration: number;
  levels: PeakLevel[];
}

/**
 * Decodes the first audio stream to 16-bit PCM at PEAKS_SAMPLE_RATE through a pipe and folds it into
 * peaks as it streams: memory holds the peaks only, whatever the length of the recording. Mono and
 * stereo keep their channels (the editor can split them); more channels are mixed down to one.
 */
export async function computePeaks(
  filePath: string,
  input: { channels: number; samplesPerPixel: number[]; timeoutMs: number },
): Promise<ComputedPeaks> {
  const channels = input.channels === 2 ? 2 : 1;
  const frameBytes = 2 * channels;
  const pyramid = new PeakPyramid(channels, input.samplesPerPixel);
  let carry = Buffer.alloc(0);
  let frames = 0;
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-i', filePath, '-map', '0:a:0', '-vn', '-sn', '-dn'],
      ...['-ac', String(channels), '-ar', String(PEAKS_SAMPLE_RATE), '-f', 's16le', '-c:a', 'pcm_s16le', 'pipe:1'],
    ],
    {
      timeoutMs: input.timeoutMs,
      onStdout: (chunk) => {
        // Pipe chunks split frames anywhere and may sit at odd offsets; Int16Array needs both aligned.
        const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const usable = bytes.length - (bytes.length % frameBytes);
        const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
        pyramid.push(new Int16Array(aligned.buffer, aligned.byteOffset, usable / 2));
        frames += usable / frameBytes;
        carry = Buffer.from(bytes.subarray(usable));
      },
    },
  );
  return { channels, sampleRate: PEAKS_SAMPLE_RATE, duration: frames / PEAKS_SAMPLE_RATE, levels: pyramid.finish() };
}
