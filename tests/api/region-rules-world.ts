import { afterAll, beforeAll, expect } from 'vitest';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import { db } from '@/server/db';
import { AppError } from '@/server/errors';
import { problemFromError } from '@/server/http/problem';
import { closeQueues } from '@/server/jobs/enqueue';
import { publishTaxonomyVersion } from '@/server/taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '@/server/taxonomy/save-taxonomy-draft';
import { claimNextTask } from '@/server/workflow/claim-next-task';
import { createTasks } from '@/server/workflow/create-tasks';
import { saveAnnotation } from '@/server/workflow/save-annotation';
import { skipAssignment } from '@/server/workflow/skip-assignment';
import { submitAssignment } from '@/server/workflow/submit-assignment';
import { fx } from './workflow-flow-support';

// The world of the region-rules integration tests (server/workflow/*region-rules.int.test.ts): one
// project whose taxonomy has a class per geometry, and an annotator claiming fresh items in it.

const DEFINITION = ZTaxonomyDefinitionSchema.parse({
  classes: [
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      geometries: ['bbox', 'polygon'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'blue'] }],
    },
    {
      id: 'person',
      name: 'Person',
      color: '#3949ab',
      geometries: ['keypoints'],
      skeleton: {
        keypoints: [
          { id: 'head', name: 'Head' },
          { id: 'neck', name: 'Neck' },
          { id: 'hip', name: 'Hip' },
        ],
        edges: [
          [0, 1],
          [1, 2],
        ],
      },
    },
    { id: 'cat', name: 'cat', color: '#ff0000', geometries: ['classification'] },
    { id: 'speech', name: 'Speech', color: '#8e24aa', geometries: ['audio_segment'], transcribed: true },
    { id: 'truck', name: 'Truck', color: '#00897b', geometries: ['video_track'] },
    { id: 'shadow', name: 'Shadow', color: '#43a047', geometries: ['video_track', 'polygon'] },
    { id: 'van', name: 'Van', color: '#6d4c41', geometries: ['bbox'], deprecated: true },
  ],
});

export const box = (extra: Record<string, unknown> = {}): TRegion => ({
  id: 'b1',
  type: 'bbox',
  classId: 'car',
  attributes: { color: 'red' },
  x: 0.1,
  y: 0.1,
  w: 0.3,
  h: 0.2,
  ...extra,
});
export const VALID: TRegion[] = [
  box(),
  {
    id: 'p1',
    type: 'polygon',
    classId: 'car',
    attributes: { color: 'blue' },
    points: [
      [0.5, 0.5],
      [0.9, 0.5],
      [0.7, 0.9],
    ],
  },
  {
    id: 'k1',
    type: 'keypoints',
    classId: 'person',
    attributes: {},
    points: [
      { x: 0.2, y: 0.1, v: 2 },
      { x: 0.2, y: 0.2, v: 2 },
      { x: 0.2, y: 0.5, v: 1 },
    ],
  },
];

export let world: Awaited<ReturnType<typeof fx.workflowWorld>>;

/** Registers the file's hooks: a workflow world whose taxonomy is DEFINITION, published. */
export function useRegionRulesWorld(): void {
  afterAll(closeQueues);
  beforeAll(async () => {
    world = await fx.workflowWorld({ label: ['ANNOTATOR'], review: ['REVIEWER'], adjudicate: ['DATA_LEAD'] });
    await saveTaxonomyDraft(world.owner, { projectId: world.projectId, definition: DEFINITION, baseUpdatedAt: null });
    await publishTaxonomyVersion(world.owner, { projectId: world.projectId });
  });
}

/** A fresh item claimed by the annotator in the label pass (an item left held by an earlier test is given back). */
export async function claimed(prepare?: (assetId: string) => Promise<unknown>): Promise<string> {
  const [assetId] = await fx.readyAssets(world, 1);
  await prepare?.(assetId!);
  await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] }, priority: 99 });
  const claim = () => claimNextTask(world.annotator, { projectId: world.projectId, passId: world.passes.label });
  let item = (await claim()).assignment!;
  if (item.asset.id !== assetId) {
    await skipAssignment(world.annotator, { projectId: world.projectId, assignmentId: item.assignment.id, reason: 'next test' });
    item = (await claim()).assignment!;
  }
  expect(item.asset.id).toBe(assetId);
  return item.assignment.id;
}

export const save = (assignmentId: string, version: number, regions: TRegion[]) =>
  saveAnnotation(world.annotator, { projectId: world.projectId, assignmentId, version, regions });
export const submit = (assignmentId: string, version: number) =>
  submitAssignment(world.annotator, { projectId: world.projectId, assignmentId, version });

/** The problem+json a refused call answers with. */
export async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const response = problemFromError(error);
  return { status: response.status, body: (await response.json()) as { code: string; detail: string; errors: unknown[] } };
}

export const stored = (assignmentId: string) =>
  db().annotation.findUniqueOrThrow({ where: { assignmentId }, select: { version: true, regions: true, status: true } });
