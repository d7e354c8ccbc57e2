import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fx } from '@/tests/api/workflow-flow-support';
import { db } from '../db';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { type AppError } from '../errors';
import { adjudicateTask } from './adjudicate-task';
import { claimNextTask } from './claim-next-task';
import { createTasks } from './create-tasks';
import { decideReview } from './decide-review';
import { getTaskActivity } from './get-task-activity';
import { getWorkflow } from './get-workflow';
import { queueReadyAsset } from './queue-ready-asset';
import { saveAnnotation } from './save-annotation';
import { saveWorkflow } from './save-workflow';
import { submitAssignment } from './submit-assignment';

const cat = (id = 'r1') => [{ id, type: 'classification' as const, classId: 'cat', attributes: {} }];
const dog = (id = 'r1') => [{ id, type: 'classification' as const, classId: 'dog', attributes: {} }];
const reasonOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: AppError) => [e.code, e.message] as const,
  );

afterAll(closeQueues);

let world: Awaited<ReturnType<typeof fx.workflowWorld>>;
let passes: typeof world.passes;

beforeAll(async () => {
  world = await fx.workflowWorld({ label: ['ANNOTATOR', 'OWNER'], review: ['REVIEWER'], adjudicate: ['DATA_LEAD'] });
  passes = world.passes;
});

describe('label → review → reject → rework → accept', () => {
  it('walks one item through every step, with stale saves and decisions refused', async () => {
    const [assetId] = await fx.readyAssets(world, 1);
    expect(
      await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] } }),
    ).toEqual({
      created: 1,
      skipped: 0,
    });

    const claimed = (await claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.label })).assignment!;
    expect(claimed.annotation).toMatchObject({ version: 1, regions: [] });
    const assignmentId = claimed.assignment.id;
    const saved = await saveAnnotation(world.annotator, { projectId: world.projectId, assignmentId, version: 1, regions: cat() });
    expect(saved.version).toBe(2);
    expect(
      await reasonOf(saveAnnotation(world.annotator, { projectId: world.projectId, assignmentId, version: 1, regions: dog() })),
    ).toEqual(['STALE_VERSION', expect.stringContaining('saved from somewhere else')]);
    expect(await reasonOf(submitAssignment(world.annotator, { projectId: world.projectId, assignmentId, version: 1 }))).toEqual([
      'STALE_VERSION',
      expect.stringContaining('saved from somewhere else'),
    ]);
    expect(await submitAssignment(world.annotator, { projectId: world.projectId, assignmentId, version: 2 })).toMatchObject({
      movedTo: 'Review',
    });

    // The annotator may not work in the review pass; the reviewer gets the item.
    expect(await reasonOf(claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.review }))).toEqual([
      'FORBIDDEN',
      expect.any(String),
    ]);
    const review = (await claimNextTask(world.reviewer, { projectId: world.projectId, passId: passes.review })).assignment!;
    expect(review.subjects.map((s) => s.regions)).toEqual([cat()]);
    const stale = {
      projectId: world.projectId,
      assignmentId: review.assignment.id,
      decision: 'REJECT' as const,
      comment: 'it is a dog',
    };
    expect(
      await reasonOf(decideReview(world.reviewer, { ...stale, taskVersion: review.task.version - 1, regionComments: [] })),
    ).toEqual(['STALE_VERSION', expect.any(String)]);
    const rejected = await decideReview(world.reviewer, {
      ...stale,
      taskVersion: review.task.version,
      regionComments: [{ annotationId: review.subjects[0]!.id, regionId: 'r1', body: 'ears say dog' }],
    });
    expect(rejected.movedTo).toBe('Label (rework)');

    // The same annotator gets the rework first, with the rejected version to diff against.
    const rework = (await claimNextTask(world.annotator, { projectId: world.projectId, passId: passes.label })).assignment!;
    expect(rework.assignment).toMatchObject({ id: assignmentId, directed: true, round: 2 });
    expect(rework.previous).toMatchObject({ status: 'REJECTED', regions: cat() });
    expect(rework.reviews.map((r) => [r.decision, r.comment])).toEqual([['REJECT', 'it is a dog']]);
    expect(rework.comments.map((c) => [c.regionId, c.body])).toEqual([['r1', 'ears say dog']]);
    const fixed = await saveAnnotation(world.annotator, { projectId: world.projectId, assignmentId, version: 2, regions: dog() });
    expect(
      await submitAssignment(world.annotator, { projectId: world.projectId, assignmentId, version: fixed.version }),
    ).toMatchObject({
      movedTo: 'Review',
    });

    // Back to the reviewer who rejected it, who accepts: the task is done with that annotation.
    const again = (await claimNextTask(world.reviewer, { projectId: world.projectId, passId: passes.review })).assignment!;
    expect(again.assignment).toMatchObject({ id: review.assignment.id, directed: true, round: 2 });
    expect(again.subjects.map((s) => s.regions)).toEqual([dog()]);
    // With the version sent back to compare with (the first review had none).
    expect(review.previous).toBeNull();
    expect(again.previous).toMatchObject({
      id: `${again.subjects[0]!.id}@v${again.previous?.version}`,
      status: 'REJECTED',
      regions: cat(),
    });
    expect(again.previous!.version).toBeLessThan(again.subjects[0]!.version);
    const done = await decideReview(world.reviewer, {
      projectId: world.projectId,
      assignmentId: again.assignment.id,
      taskVersion: again.task.version,
      decision: 'ACCEPT',
      comment: '',
      regionComments: [],
    });
    expect(done).toMatchObject({ taskStatus: 'DONE', movedTo: 'done' });
    const task = await db().task.findUniqueOrThrow({ where: { id: done.taskId } });
    expect(task).toMatchObject({ status: 'DONE', passId: null, resultAnnotationId: again.subjects[0]!.id });

    const activity = await getTaskActivity(world.lead, { projectId: world.projectId, taskId: done.taskId });
    expect(activity.events.map((e) => e.action)).toEqual([
      'task.submit',
      'task.review.reject',
      'task.rework.submit',
      'task.review.accept',
    ]);
  });
});

describe('overlap 2: disagreement escalates, an expert adjudicates', () => {
  it('escalates automatically below the agreement threshold and resolves with the chosen version', async () => {
    await saveWorkflow(world.lead, {
      projectId: world.projectId,
      passes: [
        { id: passes.label, kind: 'LABEL', name: 'Label', roles: ['ANNOTATOR', 'OWNER'], overlap: 2 },
        { id: passes.review, kind: 'REVIEW', name: 'Review', roles: ['REVIEWER'] },
        { id: passes.adjudicate, kind: 'ADJUDICATE', name: 'Adjudicate', roles: ['DATA_LEAD'], slaHours: 24 },
      ],
    });
    const [assetId] = await fx.readyAssets(world, 1);
    await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] } });
    const labelers = [
      [world.annotator, cat()],
      [world.owner, dog()],
    ] as const;
    for (const [who, regions] of labelers) {
      const item = (await claimNextTask(who, { projectId: world.projectId, passId: passes.label })).assignment!;
      expect(item.asset.id).toBe(assetId);
      const { version } = await saveAnnotation(who, {
        projectId: world.projectId,
        assignmentId: item.assignment.id,
        version: 1,
        regions,
      });
      await submitAssignment(who, { projectId: world.projectId, assignmentId: item.assignment.id, version });
    }
    // The completed overlap pass queued the agreement report of the project as it is now.
    const qualityJobs = await getQueue('quality').getJobs(['waiting', 'active', 'delayed', 'prioritized']);
    expect(qualityJobs.map((j) => j.data as { projectId: string }).filter((d) => d.projectId === world.projectId)).toHaveLength(
      1,
    );
    const expert = (await claimNextTask(world.lead, { projectId: world.projectId, passId: passes.adjudicate })).assignment!;
    expect(expert.escalation).toMatchObject({ raisedBy: null, agreement: 0 });
    expect(expert.subjects.map((s) => s.regions)).toEqual([cat(), dog()]);
    const chosen = expert.subjects[1]!.id;
    const done = await adjudicateTask(world.lead, {
      projectId: world.projectId,
      assignmentId: expert.assignment.id,
      taskVersion: expert.task.version,
      chosenAnnotationId: chosen,
      reason: 'the ears',
    });
    expect(done.taskStatus).toBe('DONE');
    const escalation = await db().escalation.findFirstOrThrow({ where: { taskId: done.taskId } });
    expect(escalation).toMatchObject({ resolvedById: world.lead.actor.id, resolution: 'the ears', chosenAnnotationId: chosen });
    expect((await db().task.findUniqueOrThrow({ where: { id: done.taskId } })).resultAnnotationId).toBe(chosen);
  });

  it('refuses to archive a pass that still holds tasks', async () => {
    const [assetId] = await fx.readyAssets(world, 1);
    await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] } });
    const result = await reasonOf(
      saveWorkflow(world.lead, { projectId: world.projectId, passes: [{ kind: 'LABEL', name: 'Only', roles: ['ANNOTATOR'] }] }),
    );
    expect(result?.[0]).toBe('CONFLICT');
  });
});

describe('tasks made automatically as assets become READY', () => {
  it('queues a READY asset in the first pass once, only when the project asks for it', async () => {
    const [off] = await fx.readyAssets(world, 1);
    await db().$transaction((tx) => queueReadyAsset(tx, off!));
    expect(await db().task.count({ where: { assetId: off } })).toBe(0);

    const workflow = await getWorkflow(world.lead, { projectId: world.projectId });
    const saved = await saveWorkflow(world.lead, {
      projectId: world.projectId,
      passes: workflow.passes.map(({ id, kind, name, roles, overlap }) => ({ id, kind, name, roles, overlap })),
      autoCreateTasks: true,
    });
    expect(saved.autoCreateTasks).toBe(true);
    const [on] = await fx.readyAssets(world, 1);
    await db().$transaction((tx) => queueReadyAsset(tx, on!));
    await db().$transaction((tx) => queueReadyAsset(tx, on!));
    const tasks = await db().task.findMany({ where: { assetId: on } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ passId: passes.label, openSlots: 2, status: 'OPEN' });
  });
});
