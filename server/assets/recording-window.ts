import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { runAvTool } from '../media/av/run-av-tool';
import { authorizeProject } from '../permissions';
import { blobStore } from '../storage/blob-store';

// What the audio editor's on-demand views of "the part in view" share (the spectrogram, the
// samples): the recording looked up under the caller's rights, and ffmpeg run on one window of it,
// at most MAX_RUNNING at a time so a scrolling annotator cannot take the machine's cores.

const MAX_RUNNING = 2;
const TIMEOUT_MS = 20_000;
const PREROLL_SECONDS = 0.5;
let running = 0;
const waiting: (() => void)[] = [];

export interface RecordingFiles {
  /** The streamable proxy when there is one, else the original: cheap to seek in. */
  playable: string;
  /** The original bytes, at their own sample rate and precision. */
  original: string;
  /** The original's sample rate (the probe's), or null when it has no audio stream. */
  sampleRate: number | null;
}

/** The recording's local files; 404 outside the caller's project, 422 for an image or a window past the end. */
export async function findRecording(
  ctx: Ctx,
  input: { projectId: string; assetId: string; start: number },
  what: string,
): Promise<RecordingFiles> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const asset = await db().asset.findFirst({
    where: { id: input.assetId, projectId: access.projectId },
    select: {
      kind: true,
      durationSec: true,
      blobSha256: true,
      probe: true,
      derivatives: { where: { kind: 'PROXY' }, select: { blobSha256: true } },
    },
  });
  if (!asset) throw notFound('Asset');
  if (asset.kind === 'IMAGE') throw new AppError('UNPROCESSABLE', `An image has no ${what}`);
  if (asset.durationSec !== null && input.start >= asset.durationSec)
    throw new AppError('UNPROCESSABLE', `The recording ends at ${asset.durationSec.toFixed(2)} s`);
  const store = blobStore();
  const original = await store.localPath(asset.blobSha256);
  const proxy = asset.derivatives[0];
  const rate = (asset.probe as { audio?: { sampleRate?: unknown } } | null)?.audio?.sampleRate;
  return {
    playable: proxy ? await store.localPath(proxy.blobSha256) : original,
    original,
    sampleRate: typeof rate === 'number' && rate > 0 ? rate : null,
  };
}

/** Runs ffmpeg over [start, end) of `file` with `output` arguments, returning its stdout bytes. */
export async function ffmpegWindow(
  file: string,
  window: { start: number; end: number },
  output: string[],
  failure: string,
): Promise<Buffer> {
  // A fast seek to a little before the window, then a decoded (exact) one to its start: decoders
  // that lean on earlier frames (MP3's bit reservoir, AAC's priming) give silence right after a seek.
  const from = Math.max(0, window.start - PREROLL_SECONDS);
  const input = ['-v', 'error', '-ss', String(from), '-i', file, '-ss', String(window.start - from)];
  const duration = ['-t', String(window.end - window.start)];
  const chunks: Buffer[] = [];
  await turn();
  try {
    await runAvTool('ffmpeg', [...input, ...duration, ...output], {
      timeoutMs: TIMEOUT_MS,
      onStdout: (chunk) => void chunks.push(chunk),
    });
  } catch {
    throw new AppError('UNPROCESSABLE', failure);
  } finally {
    running--;
    waiting.shift()?.();
  }
  return Buffer.concat(chunks);
}

async function turn(): Promise<void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}
