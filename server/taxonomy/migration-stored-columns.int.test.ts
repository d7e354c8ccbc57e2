import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { TMigrationImpact } from '@/lib/schemas/taxonomy-migration';
import type { TRegion } from '@/lib/schemas/workflow';
import { operationClassIds } from '@/lib/taxonomy-migration/operations';
import { regionOf } from '@/lib/taxonomy-migration/test-regions';
import { migrationWorld, OPERATIONS, regionsOfItem, type MigrationWorld } from '@/tests/taxonomy-migration/migration-world';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { closeQueues } from '../jobs/enqueue';
import { rows, sql } from '../sql';
import { saveAnnotation } from '../workflow/save-annotation';
import { applyTaxonomyMigration } from './apply-taxonomy-migration';
import { dryRunTaxonomyMigration } from './dry-run-taxonomy-migration';
import { publishTaxonomyVersion } from './publish-taxonomy-version';

// The dry run and the migration read two columns Postgres keeps on Annotation: `classIds` (generated
// from the regions) and `taskId` (copied from the assignment on insert). Here some tasks hold a second
// annotation (inserted through Prisma and through SQL), so a task is touched by what either holds.
const ITEMS = 42;
const SECOND = 10; // items 0..9 get a second annotation, by the lead
const REVIEWED = new Set([10, 11, 12, 13, 14]); // tasks moved to IN_REVIEW
let w: MigrationWorld;
/** Every annotation of the world: its id, its item (task) and the regions it holds on v1. */
const annotations: { id: string; item: number; regions: TRegion[] }[] = [];

const taskOf = (item: number) => w.items[item]!.assignmentId.slice(1);
const secondRegions = (i: number): TRegion[] => [regionOf('bbox', 'z0', i % 2 ? 'dog' : 'bird', { mood: 'calm' })];
const stored = (ids: string[]) =>
  rows<{ id: string; classIds: string[]; taskId: string }>(
    sql`SELECT id, "classIds", "taskId" FROM "Annotation" WHERE id = ANY(${ids}::text[])`,
  );

beforeAll(async () => {
  w = await migrationWorld(ITEMS);
  w.items.forEach((item, i) => annotations.push({ id: item.annotationId, item: i, regions: regionsOfItem(i) }));
  const { taxonomyVersionId } = await db().annotation.findUniqueOrThrow({ where: { id: w.items[0]!.annotationId } });
  const { passId } = await db().task.findUniqueOrThrow({ where: { id: taskOf(0) }, select: { passId: true } });
  for (let i = 0; i < SECOND; i++) {
    const assignment = await db().assignment.create({
      data: { taskId: taskOf(i), userId: w.lead.actor.id, pass: 'LABEL', passId: passId!, status: 'SUBMITTED' },
    });
    const data = { assignmentId: assignment.id, authorId: w.lead.actor.id, taxonomyVersionId, regions: secondRegions(i) as Prisma.InputJsonValue };
    const id =
      i % 2
        ? (await db().annotation.create({ data, select: { id: true } })).id
        : (
            await rows<{ id: string }>(
              sql`INSERT INTO "Annotation" (id, "assignmentId", "authorId", "taxonomyVersionId", "updatedAt", regions)
                VALUES (${`second-${i}`}, ${data.assignmentId}, ${data.authorId}, ${taxonomyVersionId}, now(), ${JSON.stringify(data.regions)}::jsonb)
                RETURNING id`,
            )
          )[0]!.id;
    annotations.push({ id, item: i, regions: secondRegions(i) });
  }
  await db().task.updateMany({ where: { id: { in: [...REVIEWED].map(taskOf) } }, data: { status: 'IN_REVIEW' } });
});
afterAll(closeQueues);

/** The dry run's figures counted by hand from the regions each annotation was given. */
function expected() {
  return OPERATIONS.map((op) => {
    const classes = new Set(operationClassIds(op));
    const hit = annotations.filter((a) => a.regions.some((r) => classes.has(r.classId)));
    const tasks = new Set(hit.map((a) => a.item));
    const reviewed = [...tasks].filter((i) => REVIEWED.has(i)).length;
    return {
      annotations: hit.length,
      tasks: tasks.size,
      statuses: [
        ['IN_PROGRESS', tasks.size - reviewed],
        ['IN_REVIEW', reviewed],
      ].filter(([, n]) => n !== 0),
      hit: new Set(hit.map((a) => a.id)),
    };
  });
}

describe('the columns the migration reads', () => {
  it('hold the class ids of the regions and the task of the assignment, whichever way the annotation was written', async () => {
    const found = new Map((await stored(annotations.map((a) => a.id))).map((r) => [r.id, r]));
    for (const a of annotations) {
      expect(found.get(a.id), a.id).toEqual({ id: a.id, classIds: a.regions.map((r) => r.classId), taskId: taskOf(a.item) });
    }
  });

  it('follow a save of new regions', async () => {
    const item = w.items[ITEMS - 1]!;
    const regions = [regionOf('polygon', 'r9', 'lynx', { mood: 'wild' }), regionOf('bbox', 'r8', 'bird', {})];
    await saveAnnotation(w.annotator, { projectId: w.projectId, assignmentId: item.assignmentId, version: 1, regions });
    annotations.find((a) => a.id === item.annotationId)!.regions = regions;
    expect((await stored([item.annotationId]))[0]!.classIds).toEqual(['lynx', 'bird']);
  });
});

describe('dry run and migration over tasks of several annotations', () => {
  let report: TMigrationImpact;

  it('counts each task once per operation, however many of its annotations touch it, by pass and status', async () => {
    report = await dryRunTaxonomyMigration(w.lead, { projectId: w.projectId });
    expect(report.annotations).toBe(annotations.length);
    expected().forEach((want, op) => {
      const got = report.impact[op]!;
      expect([got.annotations, got.tasks], `operation ${op}`).toEqual([want.annotations, want.tasks]);
      expect(got.byPass.map((p) => [p.status, p.tasks])).toEqual(want.statuses);
      expect(got.byPass.every((p) => p.passName === 'Label')).toBe(true);
      expect(got.samples).toHaveLength(Math.min(5, want.annotations));
      for (const s of got.samples) {
        expect(want.hit.has(s.annotationId)).toBe(true);
        expect(s.taskId).toBe(taskOf(annotations.find((a) => a.id === s.annotationId)!.item));
      }
    });
  });

  it('moves every annotation: the touched through the operations, the others as they were; applied counts equal the dry run', async () => {
    await publishTaxonomyVersion(w.lead, { projectId: w.projectId });
    const { id } = await db().taxonomyMigration.findFirstOrThrow({ where: { projectId: w.projectId } });
    expect(await applyTaxonomyMigration(id, { batchSize: 7 })).toEqual({ done: annotations.length });
    const recorded = await db().annotationMigration.findMany({
      where: { migrationId: id },
      select: { annotationId: true, operations: true, changes: true, needsDecision: true, pending: true },
    });
    expect(recorded).toHaveLength(annotations.length);
    const applied = OPERATIONS.map((_, op) => recorded.filter((r) => r.operations.includes(op)).length);
    expect(applied).toEqual(report.impact.map((o) => o.annotations));

    const untouched = annotations.filter((a) => a.regions.every((r) => r.classId === 'bird'));
    expect(untouched.length).toBeGreaterThan(2);
    const after = await db().annotation.findMany({ where: { id: { in: untouched.map((a) => a.id) } } });
    for (const a of untouched) {
      expect(recorded.find((r) => r.annotationId === a.id)).toMatchObject({
        operations: [],
        changes: [],
        needsDecision: [],
        pending: false,
      });
      expect(after.find((n) => n.id === a.id)).toMatchObject({ regions: a.regions, version: 2 });
    }
    // Merged and split classes show in the stored class ids at once.
    const columns = await stored(annotations.map((a) => a.id));
    expect(columns.flatMap((c) => c.classIds).filter((c) => ['lynx', 'fox', 'dog'].includes(c))).toEqual([]);
  });
});
