import { describe, expect, it } from 'vitest';
import { addMember } from '@/prisma/factories/add-member';
import { createProject } from '@/prisma/factories/create-project';
import { createTaxonomy } from '@/prisma/factories/create-taxonomy';
import {
  createStubAssets,
  createTasksInPass,
  createWorkflowPasses,
  type WorkflowPassInput,
} from '@/prisma/factories/create-workflow';
import { actorCtx } from '@/tests/api/api-users';
import type { Ctx } from '../context';
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { claimNextTask } from './claim-next-task';

const LABEL: WorkflowPassInput = { kind: 'LABEL', name: 'Label' };

/** A project with a published taxonomy, its passes, `tasks` tasks queued in the first pass and `members` annotators. */
async function workflow(input: { passes: WorkflowPassInput[]; tasks: number; members: number }) {
  const owner = await actorCtx();
  const project = await createProject(db(), { ownerId: owner.actor.id });
  await createTaxonomy(db(), { projectId: project.id, publish: true });
  const passes = await createWorkflowPasses(db(), { projectId: project.id, passes: input.passes });
  const pass = passes[0]!;
  const assetIds = await createStubAssets(db(), { projectId: project.id, count: input.tasks });
  await createTasksInPass(db(), { projectId: project.id, passId: pass.id, assetIds, overlap: pass.overlap });
  const members = await Promise.all(Array.from({ length: input.members }, () => member(project.id, 'ANNOTATOR')));
  const claim = (ctx: Ctx, options: { passId?: string; exclude?: string[] } = {}) =>
    claimNextTask(ctx, { projectId: project.id, passId: options.passId ?? pass.id, exclude: options.exclude });
  return { project, passes, pass, members, claim };
}

async function member(projectId: string, role: Role): Promise<Ctx> {
  const ctx = await actorCtx();
  await addMember(db(), { projectId, userId: ctx.actor.id, role });
  return ctx;
}

/** What the database holds, not what the claims answered: assignments that take a slot, and each task's open slots. */
async function slotsOf(passId: string) {
  const [assignments, tasks] = await Promise.all([
    db().assignment.findMany({
      where: { passId, status: { in: ['ACTIVE', 'SUBMITTED'] } },
      select: { id: true, taskId: true, userId: true, status: true },
    }),
    db().task.findMany({ where: { passId }, select: { id: true, overlap: true, openSlots: true, status: true } }),
  ]);
  const takenOf = (taskId: string) => assignments.filter((a) => a.taskId === taskId).length;
  // A slot is either open or held by exactly one assignment: never both, never neither.
  const consistent = tasks.every((t) => t.openSlots + takenOf(t.id) === t.overlap);
  return { assignments, tasks, consistent };
}

describe('claimNextTask under concurrency', () => {
  it('30 annotators racing for 20 tasks of overlap 1: each task goes to exactly one of them, the other 10 get nothing', async () => {
    const { pass, members, claim } = await workflow({ passes: [LABEL], tasks: 20, members: 30 });

    const results = await Promise.all(members.map((ctx) => claim(ctx)));

    const views = results.flatMap((r) => (r.assignment ? [r.assignment] : []));
    expect(views).toHaveLength(20);
    expect(new Set(views.map((v) => v.task.id)).size).toBe(20);
    results.forEach((r, i) => r.assignment && expect(r.assignment.assignment.userId).toBe(members[i]!.actor.id));
    const { assignments, tasks, consistent } = await slotsOf(pass.id);
    expect(assignments).toHaveLength(20);
    expect(new Set(assignments.map((a) => a.taskId)).size).toBe(20);
    expect(new Set(assignments.map((a) => a.userId)).size).toBe(20);
    expect(tasks.every((t) => t.openSlots === 0 && t.status === 'IN_PROGRESS')).toBe(true);
    expect(consistent).toBe(true);
  });

  it('overlap 3: three different annotators per task, and five parallel claims by one person give that person one item', async () => {
    const { pass, members, claim } = await workflow({ passes: [{ ...LABEL, overlap: 3 }], tasks: 4, members: 12 });

    // 12 people × 5 tabs at once, for 4 tasks × 3 slots: exactly enough if nobody gets two items.
    const results = await Promise.all(members.map((ctx) => Promise.all([1, 2, 3, 4, 5].map(() => claim(ctx)))));

    results.forEach((mine) => {
      const ids = mine.map((r) => r.assignment?.assignment.id ?? null);
      expect(ids[0]).not.toBeNull();
      expect(new Set(ids).size).toBe(1);
    });
    const { assignments, tasks, consistent } = await slotsOf(pass.id);
    expect(assignments).toHaveLength(12);
    expect(new Set(assignments.map((a) => a.userId)).size).toBe(12);
    for (const task of tasks) {
      const holders = assignments.filter((a) => a.taskId === task.id).map((a) => a.userId);
      expect(new Set(holders).size).toBe(3);
    }
    expect(consistent).toBe(true);
  });

  it('an item whose lease lapsed goes to the next annotator who claims, and its old holder cannot take it back', async () => {
    const { pass, members, claim } = await workflow({ passes: [LABEL], tasks: 1, members: 2 });
    const [first, second] = members as [Ctx, Ctx];
    const abandoned = (await claim(first)).assignment!;
    expect((await claim(second)).assignment).toBeNull();

    await db().assignment.update({
      where: { id: abandoned.assignment.id },
      data: { leaseExpiresAt: new Date(Date.now() - 1000) },
    });
    const taken = (await claim(second)).assignment;

    expect(taken?.task.id).toBe(abandoned.task.id);
    expect(taken?.assignment.id).not.toBe(abandoned.assignment.id);
    const old = await db().assignment.findUniqueOrThrow({ where: { id: abandoned.assignment.id } });
    expect(old.status).toBe('EXPIRED');
    const { assignments, tasks, consistent } = await slotsOf(pass.id);
    expect(assignments.map((a) => [a.userId, a.status])).toEqual([[second.actor.id, 'ACTIVE']]);
    expect(tasks.map((t) => t.openSlots)).toEqual([0]);
    expect(consistent).toBe(true);
    expect((await claim(first)).assignment).toBeNull();
  });
});

describe('claimNextTask access and resume', () => {
  it('a pass for reviewers refuses an annotator (403) and a stranger to the project gets 404', async () => {
    const { project, passes, members, claim } = await workflow({
      passes: [LABEL, { kind: 'REVIEW', name: 'Review', roles: ['REVIEWER'] }],
      tasks: 1,
      members: 1,
    });
    const review = passes[1]!;
    const reviewer = await member(project.id, 'REVIEWER');

    await expect(claim(members[0]!, { passId: review.id })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(claim(reviewer, { passId: review.id })).resolves.toEqual({ assignment: null });
    await expect(claim(await actorCtx())).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('a second claim gives back the item the person holds; `exclude` skips it and leases the next one', async () => {
    const { pass, members, claim } = await workflow({ passes: [LABEL], tasks: 3, members: 1 });
    const annotator = members[0]!;

    const held = (await claim(annotator)).assignment!;
    expect((await claim(annotator)).assignment?.assignment.id).toBe(held.assignment.id);
    expect((await slotsOf(pass.id)).assignments).toHaveLength(1);

    const next = (await claim(annotator, { exclude: [held.assignment.id] })).assignment!;
    expect(next.task.id).not.toBe(held.task.id);
    expect((await claim(annotator)).assignment?.assignment.id).toBe(held.assignment.id);
    const { assignments, consistent } = await slotsOf(pass.id);
    expect(assignments.map((a) => a.id).sort()).toEqual([held.assignment.id, next.assignment.id].sort());
    expect(consistent).toBe(true);
  });
});
