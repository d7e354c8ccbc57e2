import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../lib/seeded-random';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import { DEMO_TAXONOMY } from '../prisma/factories/demo-taxonomy';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { runAvTool } from '../server/media/av/run-av-tool';
import { claimNextTask } from '../server/workflow/claim-next-task';
import { ingestThroughWorkers, type IngestFigures } from './ingest-through-workers';
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
  const { assetId, ingest } = reusable
    ? { assetId: existing.id, ingest: null }
    : await ingestThroughWorkers(ctx, {
        projectId: project.id,
        file,
        name: FILE_NAME,
        mime: 'audio/wav',
        label: 'audio editor bench',
        what: 'the bench recording',
      });

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
