import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { seededRandom } from '../lib/seeded-random';
import { createImportBatch } from '../prisma/factories/create-import-batch';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import { DEMO_TAXONOMY } from '../prisma/factories/demo-taxonomy';
import { ingestFile } from '../server/assets/ingest-file';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { closeQueues } from '../server/jobs/enqueue';
import { runAvTool } from '../server/media/av/run-av-tool';
import { claimNextTask } from '../server/workflow/claim-next-task';
import { round } from './percentiles';

// audio-editor.bench.ts's item: a 3-hour recording (made once with ffmpeg, cached in the temp
// directory) taken through the real pipeline — ingestFile, then a workers/main.ts process running the
// ingest (probe) and preprocess (peaks at every zoom level + AAC proxy) jobs — into a project with a
// published taxonomy whose "Speech" class draws audio segments, a LABEL pass scoped to them, and that
// one task claimed by the owner, whose draft annotation then holds SEGMENTS segments of speech.
// An asset of the same bytes already READY with its peaks in this database is reused (a rerun of the
// bench alone); `npm run bench` recreates the database, so there the ingest is always real.

export const DURATION_S = 3 * 3600;
const SAMPLE_RATE = 16_000;
export const SEGMENTS = 50;
const SLUG = 'bench-audio-editor';
const EMAIL = 'bench-audio-editor@loupe.test';
const FILE_NAME = 'interview-3h-16k.wav';
const INGEST_TIMEOUT_MS = 30 * 60_000;

export interface IngestFigures {
  /** ingestFile (hashing and storing the bytes, the RAW asset, the ingest job) to READY. */
  seconds: number;
  store_seconds: number;
  /** The stage runs' own durations (AssetStageRun): the probe, then peaks + proxy. */
  probe_seconds: number;
  preprocess_seconds: number;
}

export interface AudioEditorItem {
  email: string;
  assetId: string;
  annotationId: string;
  /** The task page: /projects/{slug}/work/{assignmentId}. */
  path: string;
  sourceMb: number;
  /** Null when an asset of the same bytes was already READY here and was reused. */
  ingest: IngestFigures | null;
  peaks: { samplesPerPixel: number; buckets: number; kb: number }[];
  proxy: { kb: number; codec: unknown; bitrateKbps: unknown } | null;
  segments: { start: number; end: number }[];
}

export async function seedAudioEditorItem(): Promise<AudioEditorItem> {
  const file = await makeRecording();
  const sha256 = await sha256Of(file);
  const owner = await createUser(db(), { email: EMAIL });
  const ctx: Ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isSiteAdmin: false }, via: 'session' };
  const project = await createProject(db(), { ownerId: owner.id, slug: SLUG });
  const speech = DEMO_TAXONOMY.classes.find((c) => c.id === 'speech')!;
  await createTaxonomy(db(), { projectId: project.id, classes: [speech], publish: true });
  const pass =
    (await db().workflowPass.findFirst({ where: { projectId: project.id, kind: 'LABEL', archivedAt: null } })) ??
    (
      await createWorkflowPasses(db(), {
        projectId: project.id,
        passes: [{ kind: 'LABEL', name: 'Segments', scope: { classIds: [], geometries: ['audio_segment'], attributeIds: [] } }],
      })
    )[0]!;

  const existing = await db().asset.findUnique({
    where: { projectId_blobSha256: { projectId: project.id, blobSha256: sha256 } },
    include: { derivatives: { where: { kind: 'PEAKS' }, select: { id: true } } },
  });
  const reusable = existing?.stage === 'READY' && existing.derivatives.length > 0 && !process.env.BENCH_AUDIO_REINGEST;
  if (existing && !reusable) await db().asset.delete({ where: { id: existing.id } });
  const { assetId, ingest } = reusable ? { assetId: existing.id, ingest: null } : await ingestReally(ctx, project.id, file);

  // A fresh task and claim every run: an earlier run's assignment may have expired, and nobody gets
  // the same item twice in a pass.
  await db().task.deleteMany({ where: { assetId } });
  await createTasksInPass(db(), { projectId: project.id, passId: pass.id, assetIds: [assetId], overlap: 1 });
  const claim = await claimNextTask(ctx, { projectId: project.id, passId: pass.id });
  const annotation = claim.assignment?.annotation;
  if (!claim.assignment || !annotation) throw new Error('claiming the bench task gave no assignment with an annotation');
  const regions = speechSegments(speech.id);
  await db().annotation.update({ where: { id: annotation.id }, data: { regions } });

  const derivatives = await db().assetDerivative.findMany({
    where: { assetId },
    include: { blob: { select: { bytes: true } } },
  });
  const kb = (bytes: bigint) => round(Number(bytes) / 1024, 1);
  const peaks = derivatives
    .filter((d) => d.kind === 'PEAKS')
    .map((d) => ({
      samplesPerPixel: Number(d.variant),
      buckets: Number((d.params as { length?: number }).length),
      kb: kb(d.blob.bytes),
    }))
    .sort((a, b) => a.samplesPerPixel - b.samplesPerPixel);
  const proxyRow = derivatives.find((d) => d.kind === 'PROXY');
  const proxyParams = (proxyRow?.params ?? {}) as Record<string, unknown>;
  return {
    email: owner.email,
    assetId,
    annotationId: annotation.id,
    path: `/projects/${SLUG}/work/${claim.assignment.assignment.id}`,
    sourceMb: round((await stat(file)).size / 1024 ** 2, 1),
    ingest,
    peaks,
    proxy: proxyRow ? { kb: kb(proxyRow.blob.bytes), codec: proxyParams.codec, bitrateKbps: proxyParams.bitrateKbps } : null,
    segments: regions.map(({ start, end }) => ({ start, end })),
  };
}

/**
 * The upload's path: ingestFile streams the file into the blob store and queues `ingest`; a worker
 * process (workers/main.ts, as `npm run workers` runs it, ingest + preprocess queues) probes it and
 * queues `preprocess`, which makes the peaks and the proxy. The clock starts once the workers listen.
 */
async function ingestReally(ctx: Ctx, projectId: string, file: string): Promise<{ assetId: string; ingest: IngestFigures }> {
  const batch = await createImportBatch(db(), {
    projectId,
    source: 'UPLOAD',
    label: 'audio editor bench',
    createdById: ctx.actor.id,
  });
  const workers = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: { ...process.env, WORKER_QUEUES: 'ingest,preprocess' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killWorkers = () => workers.kill('SIGKILL');
  process.once('exit', killWorkers);
  try {
    const lines = createInterface({ input: workers.stdout! });
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line.includes('event=ready')) resolve();
        else if (/error|fail/i.test(line)) console.error(`workers: ${line}`);
      });
      workers.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before it was ready`)));
    });
    await ready;
    const started = performance.now();
    const { assetId, status } = await ingestFile(ctx, {
      projectId,
      batchId: batch.id,
      name: FILE_NAME,
      source: 'UPLOAD',
      declaredMime: 'audio/wav',
      bytes: createReadStream(file),
    });
    const storeSeconds = (performance.now() - started) / 1000;
    if (status !== 'ACCEPTED') throw new Error(`ingestFile answered ${status} for the bench recording`);
    for (;;) {
      const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId }, select: { stage: true, failureReason: true } });
      if (asset.stage === 'READY') break;
      if (asset.stage === 'QUARANTINED') throw new Error(`the bench recording was quarantined: ${asset.failureReason}`);
      const failure = await db().jobFailure.findFirst({ where: { payload: { path: ['assetId'], equals: assetId } } });
      if (failure) throw new Error(`the ${failure.queue} job of the bench recording failed: ${failure.reason}`);
      if (performance.now() - started > INGEST_TIMEOUT_MS)
        throw new Error(`the bench recording was still ${asset.stage} after 30 min`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const runs = await db().assetStageRun.findMany({
      where: { assetId, outcome: 'OK' },
      select: { stage: true, durationMs: true },
    });
    const runSeconds = (stage: string) => round((runs.find((r) => r.stage === stage)?.durationMs ?? NaN) / 1000, 1);
    return {
      assetId,
      ingest: {
        seconds: round(seconds, 1),
        store_seconds: round(storeSeconds, 1),
        probe_seconds: runSeconds('ingest'),
        preprocess_seconds: runSeconds('preprocess'),
      },
    };
  } finally {
    // ingestFile's queue connection would keep the bench process alive.
    await closeQueues();
    process.off('exit', killWorkers);
    if (workers.exitCode === null && workers.signalCode === null) {
      workers.kill('SIGTERM');
      await once(workers, 'exit');
    }
  }
}

/**
 * A 3-hour mono 16 kHz WAV (345.6 MB: large enough that the pipeline makes an AAC proxy, as for any
 * WAV over 16 MB): a tone under pink noise, its loudness swelling and fading every ~7 s so the
 * waveform has shape at every zoom. Made once (~10 s) and kept in the temp directory.
 */
async function makeRecording(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'loupe-bench');
  const file = path.join(dir, FILE_NAME);
  if (
    await access(file).then(
      () => true,
      () => false,
    )
  )
    return file;
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.wav`;
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=${SAMPLE_RATE}:duration=${DURATION_S}`],
      ...['-f', 'lavfi', '-i', `anoisesrc=r=${SAMPLE_RATE}:c=pink:a=0.3:seed=7:duration=${DURATION_S}`],
      ...['-filter_complex', '[0:a][1:a]amix=inputs=2:normalize=0,tremolo=f=0.15:d=0.8'],
      ...['-ac', '1', '-c:a', 'pcm_s16le', tmp],
    ],
    { timeoutMs: 10 * 60_000 },
  );
  await rename(tmp, file);
  return file;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SEGMENTS speech segments of 3–25 s, one in each equal slice of the file, at a seeded random place in it. */
export function speechSegments(classId: string, seed = 7) {
  const random = seededRandom(seed);
  const slice = DURATION_S / SEGMENTS;
  const ms = (t: number) => Math.round(t * 1000) / 1000;
  return Array.from({ length: SEGMENTS }, (_, i) => {
    const length = 3 + random() * 22;
    const start = ms(i * slice + random() * (slice - length));
    return {
      id: `seg-${i}`,
      type: 'audio_segment' as const,
      classId,
      attributes: { speaker: 'A' },
      start,
      end: ms(start + length),
      text: `utterance ${i + 1}`,
    };
  });
}
