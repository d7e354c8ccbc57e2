import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { seededRandom } from '../lib/seeded-random';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import { FRAME_INDEX_LONG_FRAMES, generateFrameIndexVideo } from '../prisma/fixtures/frame-index-video';
import { CLIPS } from '../prisma/seed-clips';
import { editorPasses } from '../prisma/seed-editor-project';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { claimNextTask } from '../server/workflow/claim-next-task';
import { ingestThroughWorkers, type IngestFigures } from './ingest-through-workers';
import { round } from './percentiles';

// video-editor.bench.ts's item: the 10-minute 30 fps frame-index video (every frame shows its own
// index as a row of blocks, prisma/fixtures/frame-index-video.ts; made once into data/fixtures)
// taken through the real pipeline — ingestFile, then a workers/main.ts process running the ingest
// (probe) and preprocess (H.264 proxy, frame map, poster, strip) jobs — into a project with the clips
// demo's taxonomy (tracked Vehicle and Person, a Crossing event) and its LABEL pass, and that one task
// claimed by the owner, whose draft annotation then holds TRACKS object tracks.
// An asset of the same bytes already READY with its frame map here is reused (a rerun of the bench
// alone; BENCH_VIDEO_REINGEST=1 ingests again); `npm run bench` recreates the database.

export const FRAMES = FRAME_INDEX_LONG_FRAMES;
export const TRACKS = 200;
const SLUG = 'bench-video-editor';
const EMAIL = 'bench-video-editor@loupe.test';
const FILE_NAME = 'frame-index-10min-30fps.mp4';

export interface VideoEditorItem {
  email: string;
  assetId: string;
  /** The task page: /projects/{slug}/work/{assignmentId}. */
  path: string;
  sourceMb: number;
  /** Null when an asset of the same bytes was already READY here and was reused. */
  ingest: IngestFigures | null;
  proxy: { kb: number; params: unknown } | null;
  frameMap: { kb: number; params: unknown } | null;
  tracks: number;
  keyframes: number;
}

export async function seedVideoEditorItem(): Promise<VideoEditorItem> {
  const video = await generateFrameIndexVideo('cfr', { frames: FRAMES });
  const sha256 = await sha256Of(video.path);
  const owner = await createUser(db(), { email: EMAIL });
  const ctx: Ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isSiteAdmin: false }, via: 'session' };
  const project = await createProject(db(), { ownerId: owner.id, slug: SLUG });
  await createTaxonomy(db(), { projectId: project.id, classes: CLIPS.taxonomy, publish: true });
  const pass =
    (await db().workflowPass.findFirst({ where: { projectId: project.id, kind: 'LABEL', archivedAt: null } })) ??
    (
      await createWorkflowPasses(db(), {
        projectId: project.id,
        passes: editorPasses('Track', ['video_track', 'event']).slice(0, 1),
      })
    )[0]!;

  const existing = await db().asset.findUnique({
    where: { projectId_blobSha256: { projectId: project.id, blobSha256: sha256 } },
    include: { derivatives: { where: { kind: 'FRAME_MAP' }, select: { id: true } } },
  });
  const reusable = existing?.stage === 'READY' && existing.derivatives.length > 0 && !process.env.BENCH_VIDEO_REINGEST;
  if (existing && !reusable) await db().asset.delete({ where: { id: existing.id } });
  const { assetId, ingest } = reusable
    ? { assetId: existing.id, ingest: null }
    : await ingestThroughWorkers(ctx, {
        projectId: project.id,
        file: video.path,
        name: FILE_NAME,
        mime: 'video/mp4',
        label: 'video editor bench',
        what: 'the bench video',
      });

  // A fresh task and claim every run: an earlier run's assignment may have expired, and nobody gets
  // the same item twice in a pass.
  await db().task.deleteMany({ where: { assetId } });
  await createTasksInPass(db(), { projectId: project.id, passId: pass.id, assetIds: [assetId], overlap: 1 });
  const claim = await claimNextTask(ctx, { projectId: project.id, passId: pass.id });
  const annotation = claim.assignment?.annotation;
  if (!claim.assignment || !annotation) throw new Error('claiming the bench task gave no assignment with an annotation');
  const regions = objectTracks(['vehicle', 'person']);
  await db().annotation.update({ where: { id: annotation.id }, data: { regions } });

  const derivatives = await db().assetDerivative.findMany({
    where: { assetId, kind: { in: ['PROXY', 'FRAME_MAP'] } },
    include: { blob: { select: { bytes: true } } },
  });
  const described = (kind: string) => {
    const d = derivatives.find((row) => row.kind === kind);
    return d ? { kb: round(Number(d.blob.bytes) / 1024, 1), params: d.params } : null;
  };
  return {
    email: owner.email,
    assetId,
    path: `/projects/${SLUG}/work/${claim.assignment.assignment.id}`,
    sourceMb: round((await stat(video.path)).size / 1024 ** 2, 1),
    ingest,
    proxy: described('PROXY'),
    frameMap: described('FRAME_MAP'),
    tracks: regions.length,
    keyframes: regions.reduce((sum, r) => sum + r.keyframes.length, 0),
  };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * TRACKS object tracks of the given classes in turn, each over a seeded random extent of 300–6,000
 * frames somewhere in the video, with a keyframe every 30–300 frames (strictly increasing) drifting
 * a box of 4–20 % of the frame across it; normalized coordinates, every keyframe visible but one in
 * ten occluded.
 */
export function objectTracks(classIds: readonly string[], seed = 8) {
  const random = seededRandom(seed);
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  const down3 = (v: number) => Math.floor(v * 1000) / 1000;
  return Array.from({ length: TRACKS }, (_, i) => {
    const extent = Math.round(300 + random() * 5700);
    const first = Math.floor(random() * (FRAMES - extent));
    // Sizes on the 1/1000 grid first, so a place rounded down to it keeps x + w ≤ 1.
    const w = r3(0.04 + random() * 0.16);
    const h = r3(0.04 + random() * 0.16);
    let x = random() * (1 - w);
    let y = random() * (1 - h);
    const keyframes: { frame: number; x: number; y: number; w: number; h: number; state: 'visible' | 'occluded' }[] = [];
    for (let frame = first; frame <= first + extent; frame += 30 + Math.floor(random() * 271)) {
      x = Math.min(1 - w, Math.max(0, x + (random() - 0.5) * 0.1));
      y = Math.min(1 - h, Math.max(0, y + (random() - 0.5) * 0.1));
      keyframes.push({ frame, x: down3(x), y: down3(y), w, h, state: random() < 0.1 ? 'occluded' : 'visible' });
    }
    return {
      id: `track-${i}`,
      type: 'video_track' as const,
      classId: classIds[i % classIds.length]!,
      attributes: {},
      keyframes,
    };
  });
}
