import { beforeAll, describe, expect, it } from 'vitest';
import { ZWorkflowSaveSchema } from '@/lib/schemas/workflow';
import { fx } from '@/tests/api/workflow-flow-support';
import { db } from '../db';
import type { AppError } from '../errors';
import { addTaskComment } from './add-task-comment';
import { adjudicateTask } from './adjudicate-task';
import { claimNextTask } from './claim-next-task';
import { createTasks } from './create-tasks';
import { escalateAssignment } from './escalate-assignment';
import { getQueueStats } from './get-queue-stats';
import { saveAnnotation } from './save-annotation';
import { saveWorkflow } from './save-workflow';
import { skipAssignment } from './skip-assignment';
import { submitAssignment } from './submit-assignment';

const region = (id: string, classId: string) => ({ id, type: 'classification' as const, classId, attributes: {} });
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: AppError) => e.code,
  );

let world: Awaited<ReturnType<typeof fx.workflowWorld>>;
let passes: typeof world.passes;

beforeAll(async () => {
  world = await fx.workflowWorld({
    label: ['ANNOTATOR', 'REVIEWER'],
    review: ['REVIEWER', 'DATA_LEAD'],
    adjudicate: ['DATA_LEAD'],
  });
  passes = world.passes;
});

async function labeledBy(who: typeof world.annotator) {
  const [assetId] = await fx.readyAssets(world, 1);
  await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] }, priority: 50 });
  const item = (await claimNextTask(who, { projectId: world.projectId, passId: passes.label })).assignment!;
  const { version } = await saveAnnotation(who, {
    projectId: world.projectId,
    assignmentId: item.assignment.id,
    version: 1,
    regions: [region('r1', 'cat')],
  });
  await submitAssignment(who, { projectId: world.projectId, assignmentId: item.assignment.id, version });
  return item;
}

describe('workflow rules', () => {
  it('a reviewer never gets their own work to review; someone else does', async () => {
    const own = await labeledBy(world.reviewer);
    expect((await claimNextTask(world.reviewer, { projectId: world.projectId, passId: passes.review })).assignment).toBeNull();
    const other = (await claimNextTask(world.lead, { projectId: world.projectId, passId: passes.review })).assignment;
    expect(other?.task.id).toBe(own.task.id);
  });

  it('a skipped item goes to someone else, never back to who skipped it', async () => {
    const [assetId] = await fx.readyAssets(world, 1);
    await createTasks(world.lead, {
      projectId: world.projectId,
      selection: { by: 'assets', assetIds: [assetId!] },
      priority: 90,
    });
    const item = (await claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.label })).assignment!;
    expect(item.asset.id).toBe(assetId);
    await skipAssignment(world.annotator, { projectId: world.projectId, assignmentId: item.assignment.id, reason: 'too dark' });
    const next = (await claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.label })).assignment;
    expect(next?.asset.id ?? null).not.toBe(assetId);
    const taken = (await claimNextTask(world.reviewer, { projectId: world.projectId, passId: passes.label })).assignment;
    expect(taken?.asset.id).toBe(assetId);
    const skipped = await db().assignment.findUniqueOrThrow({ where: { id: item.assignment.id } });
    expect(skipped).toMatchObject({ status: 'RELEASED', skipReason: 'too dark' });
  });

  it('"flag for expert" sends the item to adjudication, where regions can be merged from several versions', async () => {
    const [assetId] = await fx.readyAssets(world, 1);
    await createTasks(world.lead, {
      projectId: world.projectId,
      selection: { by: 'assets', assetIds: [assetId!] },
      priority: 100,
    });
    const item = (await claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.label })).assignment!;
    await saveAnnotation(world.annotator, {
      projectId: world.projectId,
      assignmentId: item.assignment.id,
      version: 1,
      regions: [region('a', 'cat'), region('b', 'dog')],
    });
    const moved = await escalateAssignment(world.annotator, {
      projectId: world.projectId,
      assignmentId: item.assignment.id,
      reason: 'cat or dog?',
    });
    expect(moved.movedTo).toBe('Adjudicate');
    // The annotator cannot act on it any more.
    expect(
      await codeOf(
        submitAssignment(world.annotator, { projectId: world.projectId, assignmentId: item.assignment.id, version: 2 }),
      ),
    ).toBe('CONFLICT');

    const expert = (await claimNextTask(world.lead, { projectId: world.projectId, passId: passes.adjudicate })).assignment!;
    expect(expert.escalation).toMatchObject({ reason: 'cat or dog?', raisedBy: { id: world.annotator.actor.id } });
    const done = await adjudicateTask(world.lead, {
      projectId: world.projectId,
      assignmentId: expert.assignment.id,
      taskVersion: expert.task.version,
      regions: [region('a', 'cat')],
      reason: 'only the cat is in frame',
    });
    const task = await db().task.findUniqueOrThrow({ where: { id: done.taskId }, include: { asset: true } });
    const result = await db().annotation.findUniqueOrThrow({ where: { id: task.resultAnnotationId! } });
    expect(result).toMatchObject({ authorId: world.lead.actor.id, status: 'ACCEPTED', regions: [region('a', 'cat')] });
  });

  it('comments resolve @mentions of project members only', async () => {
    const item = await labeledBy(world.annotator);
    const comment = await addTaskComment(world.annotator, {
      projectId: world.projectId,
      taskId: item.task.id,
      body: `@${world.reviewer.actor.email} is this a cat? cc @nobody@elsewhere.test`,
    });
    expect(comment.mentions.map((m) => m.id)).toEqual([world.reviewer.actor.id]);
  });

  it('queue figures: everyone sees their own row, leads see everyone', async () => {
    const mine = await getQueueStats(world.annotator, { projectId: world.projectId });
    expect(mine.people.map((p) => p.user.id)).toEqual([world.annotator.actor.id]);
    expect(mine.people[0]!.submitted).toBeGreaterThan(0);
    const all = await getQueueStats(world.lead, { projectId: world.projectId });
    expect(all.people.length).toBe(4);
    const label = all.passes.find((p) => p.passId === passes.label)!;
    expect(label.throughput).toHaveLength(14);
    expect(label.throughput.at(-1)!.count).toBeGreaterThan(0);
    expect(label.timeInQueueSec.p50).not.toBeNull();
  });

  it('refuses workflows that cannot work, with the field at fault', () => {
    const bad = (passes: unknown) =>
      ZWorkflowSaveSchema.safeParse({ passes }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(bad([{ kind: 'REVIEW', name: 'R', roles: ['REVIEWER'] }])).toContainEqual([
      'passes.0',
      'the first pass must be a LABEL pass',
    ]);
    expect(bad([{ kind: 'LABEL', name: 'L', roles: [] }])).toContainEqual(['passes.0.roles', 'allow at least one role']);
    expect(bad([{ kind: 'LABEL', name: 'L', roles: ['ANNOTATOR'], sampleRate: 0 }])).toContainEqual([
      'passes.0.sampleRate',
      'sample at least some items',
    ]);
  });

  it('overlap above 1 without an adjudication pass is refused', async () => {
    expect(
      await codeOf(
        saveWorkflow(world.lead, {
          projectId: world.projectId,
          passes: [{ kind: 'LABEL', name: 'L', roles: ['ANNOTATOR'], overlap: 2 }],
        }),
      ),
    ).toBe('VALIDATION');
  });
});
