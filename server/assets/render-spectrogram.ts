import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { runAvTool } from '../media/av/run-av-tool';
import { authorizeProject } from '../permissions';
import { blobStore } from '../storage/blob-store';

/** ffmpeg renders at most this many at once: a scrolling annotator must not take the machine's cores. */
const MAX_RUNNING = 2;
const TIMEOUT_MS = 20_000;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * A spectrogram of [start, end) seconds of a recording as a PNG of width × height, made by ffmpeg
 * from the streamable proxy (or the original): only the stretch in view, so it is as cheap for a
 * three-hour file as for a short one. Frequencies run up the image, linear to half the sample rate.
 */
export async function renderSpectrogram(
  ctx: Ctx,
  input: { projectId: string; assetId: string; start: number; end: number; width: number; height: number },
): Promise<ArrayBuffer> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const asset = await db().asset.findFirst({
    where: { id: input.assetId, projectId: access.projectId },
    select: {
      kind: true,
      stage: true,
      durationSec: true,
      blobSha256: true,
      derivatives: { where: { kind: 'PROXY' }, select: { blobSha256: true } },
    },
  });
  if (!asset) throw notFound('Asset');
  if (asset.kind === 'IMAGE') throw new AppError('UNPROCESSABLE', 'An image has no spectrogram');
  if (asset.durationSec !== null && input.start >= asset.durationSec)
    throw new AppError('UNPROCESSABLE', `The recording ends at ${asset.durationSec.toFixed(2)} s`);
  const path = await blobStore().localPath(asset.derivatives[0]?.blobSha256 ?? asset.blobSha256);
  const filter = `showspectrumpic=s=${input.width}x${input.height}:legend=0:scale=log:color=intensity`;
  const args = ['-v', 'error', '-ss', String(input.start), '-t', String(input.end - input.start), '-i', path];
  const chunks: Buffer[] = [];
  await turn();
  try {
    await runAvTool(
      'ffmpeg',
      [...args, '-vn', '-sn', '-lavfi', filter, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'],
      {
        timeoutMs: TIMEOUT_MS,
        onStdout: (chunk) => void chunks.push(chunk),
      },
    );
  } catch {
    throw new AppError('UNPROCESSABLE', 'This recording could not be read for a spectrogram');
  } finally {
    running--;
    waiting.shift()?.();
  }
  const png = Buffer.concat(chunks);
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}

async function turn(): Promise<void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}
