import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createAsset } from '../prisma/factories/create-asset';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { DEMO_TAXONOMY } from '../prisma/factories/demo-taxonomy';
import { seededRandom } from '../lib/seeded-random';
import { createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { probeAsset } from '../server/pipeline/probe-asset';
import { claimNextTask } from '../server/workflow/claim-next-task';

// editor.bench.ts's item: a project of its own with a published taxonomy of box classes, a LABEL pass,
// one real 1920 × 1080 JPEG taken through the ingest stage as an upload is (probe, then the webp
// thumbnails the task page shows), and that one task claimed by its owner, whose draft annotation
// then holds `boxes` boxes.

export const IMAGE_WIDTH = 1920;
export const IMAGE_HEIGHT = 1080;
const CLASS_IDS = ['car', 'pedestrian', 'cyclist'];

/** The box the drag grabs: near the image's centre and last in the list, so it is drawn on top of all. */
export const TARGET_BOX = { id: 'box-0', x: 0.45, y: 0.45, w: 0.06, h: 0.06 };

export interface EditorItem {
  email: string;
  slug: string;
  annotationId: string;
  /** The task page: /projects/{slug}/work/{assignmentId}. */
  path: string;
}

export async function seedEditorItem(boxes: number): Promise<EditorItem> {
  const owner = await createUser(db());
  const slug = `bench-editor-${boxes}`;
  const project = await createProject(db(), { ownerId: owner.id, slug });
  const classes = DEMO_TAXONOMY.classes.filter((c) => CLASS_IDS.includes(c.id));
  await createTaxonomy(db(), { projectId: project.id, classes, publish: true });
  const [pass] = await createWorkflowPasses(db(), { projectId: project.id, passes: [{ kind: 'LABEL', name: 'Label' }] });

  const dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-bench-editor-'));
  try {
    const file = path.join(dir, `street-${boxes}.jpg`);
    await writeFile(file, await noisyGradientJpeg(boxes));
    const asset = await createAsset(db(), { projectId: project.id, file, kind: 'IMAGE', source: 'SEED' });
    // The ingest job's own stage, in process: RAW → STAGED → READY with its 1024 and 256 thumbnails.
    const outcome = await probeAsset({
      projectId: project.id,
      assetId: asset.id,
      jobId: `bench-editor-${boxes}`,
      attempt: 1,
      finalAttempt: true,
    });
    if (!('done' in outcome)) throw new Error(`the bench image did not become READY: ${JSON.stringify(outcome)}`);
    await createTasksInPass(db(), { projectId: project.id, passId: pass!.id, assetIds: [asset.id], overlap: 1 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const ctx: Ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isSiteAdmin: false }, via: 'session' };
  const claim = await claimNextTask(ctx, { projectId: project.id, passId: pass!.id });
  const annotation = claim.assignment?.annotation;
  if (!claim.assignment || !annotation) throw new Error('claiming the bench task gave no assignment with an annotation');
  await db().annotation.update({ where: { id: annotation.id }, data: { regions: randomBoxes(boxes, boxes) } });
  return {
    email: owner.email,
    slug,
    annotationId: annotation.id,
    path: `/projects/${slug}/work/${claim.assignment.assignment.id}`,
  };
}

/** `count` bbox regions at random places (0.5–4 % of the image a side), TARGET_BOX last. */
export function randomBoxes(count: number, seed: number) {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const region = (id: string, classId: string, box: { x: number; y: number; w: number; h: number }) => ({
    id,
    type: 'bbox' as const,
    classId,
    attributes: {},
    ...box,
  });
  const others = Array.from({ length: count - 1 }, (_, i) => {
    const w = between(0.005, 0.04);
    const h = between(0.005, 0.04);
    const box = { x: between(0, 1 - w), y: between(0, 1 - h), w, h };
    return region(`box-${i + 1}`, CLASS_IDS[i % CLASS_IDS.length]!, box);
  });
  const { id, ...target } = TARGET_BOX;
  return [...others, region(id, CLASS_IDS[0]!, target)];
}

/** A photo-sized JPEG that costs what a photo costs to decode: a colour gradient under gaussian noise. */
async function noisyGradientJpeg(seed: number): Promise<Buffer> {
  const random = seededRandom(seed);
  const pixels = Buffer.alloc(IMAGE_WIDTH * IMAGE_HEIGHT * 3);
  for (let y = 0; y < IMAGE_HEIGHT; y++) {
    for (let x = 0; x < IMAGE_WIDTH; x++) {
      const i = (y * IMAGE_WIDTH + x) * 3;
      const noise = (random() + random() + random() - 1.5) * 60;
      pixels[i] = clampByte((x / IMAGE_WIDTH) * 200 + 30 + noise);
      pixels[i + 1] = clampByte((y / IMAGE_HEIGHT) * 160 + 50 + noise);
      pixels[i + 2] = clampByte(180 - (x / IMAGE_WIDTH) * 120 + noise);
    }
  }
  return sharp(pixels, { raw: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
