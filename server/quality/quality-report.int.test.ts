import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '@/prisma/factories/add-member';
import { createComparedTask, type ComparedSubmission } from '@/prisma/factories/create-compared-task';
import { createProject } from '@/prisma/factories/create-project';
import { createTaxonomy } from '@/prisma/factories/create-taxonomy';
import { createUser } from '@/prisma/factories/create-user';
import { createStubAssets, createWorkflowPasses } from '@/prisma/factories/create-workflow';
import { krippendorffAlpha, type Rating } from '@/lib/quality/agreement';
import type { Ctx } from '../context';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { computeQualityReport } from './compute-quality-report';
import { getQualityReport } from './get-quality-report';
import { listQualityItems } from './list-quality-items';
import { saveQualitySettings } from './quality-settings';
import { sendToReview } from './send-to-review';

afterAll(closeQueues);

const ctxOf = (user: { id: string; email: string; name: string }): Ctx => ({
  actor: { id: user.id, email: user.email, name: user.name, isSiteAdmin: false },
  via: 'session',
});

const WEEK = 7 * 24 * 3600_000;
let projectId: string;
let owner: Ctx;
let reviewer: Ctx;
let annotators: string[];
let labelPassId: string;
let versionId: string;
let assets: string[];
// data[annotator][item] for the classification α computed directly.
const weather: Rating[][] = [[], [], []];

const box = (id: string, classId: string, x: number) => ({
  id,
  type: 'bbox',
  classId,
  attributes: {},
  x,
  y: 0.1,
  w: 0.2,
  h: 0.2,
});

const comparedTask = (assetId: string, submissions: ComparedSubmission[]) =>
  createComparedTask(db(), { projectId, assetId, passId: labelPassId, taxonomyVersionId: versionId, submissions });

beforeAll(async () => {
  const lead = await createUser(db());
  const project = await createProject(db(), { ownerId: lead.id });
  projectId = project.id;
  owner = ctxOf(lead);
  const rev = await createUser(db());
  await addMember(db(), { projectId, userId: rev.id, role: 'REVIEWER' });
  reviewer = ctxOf(rev);
  annotators = [];
  for (let i = 0; i < 3; i++) {
    const user = await createUser(db());
    await addMember(db(), { projectId, userId: user.id, role: 'ANNOTATOR' });
    annotators.push(user.id);
  }
  annotators.sort();
  await createTaxonomy(db(), { projectId, publish: true, publishedById: lead.id });
  versionId = (await db().taxonomyVersion.findFirstOrThrow({ where: { taxonomy: { projectId } } })).id;
  await createWorkflowPasses(db(), {
    projectId,
    passes: [
      { kind: 'LABEL', name: 'Double', roles: ['ANNOTATOR'], overlap: 2 },
      { kind: 'ADJUDICATE', name: 'Expert', roles: ['OWNER'] },
    ],
  });
  labelPassId = (await db().workflowPass.findFirstOrThrow({ where: { projectId, kind: 'LABEL' } })).id;
  assets = await createStubAssets(db(), { projectId, count: 41 });
  // 40 items over 5 weeks, each by two of three annotators in turn. Weeks 1–4 are mostly sunny and
  // agreed on; week 5 is mostly rain, with annotator 3 saying fog. Annotator 2 misses the second car.
  for (let i = 0; i < 40; i++) {
    const week = Math.floor(i / 8);
    const at = new Date(Date.now() - (4 - week) * WEEK - 3600_000);
    const pair = [i % 3, (i + 1) % 3].sort();
    const truth = week === 4 ? (i % 4 === 0 ? 'sunny' : 'rain') : i % 5 === 0 ? 'rain' : 'sunny';
    const submissions = pair.map((who) => {
      const said = week === 4 && who === 2 && truth === 'rain' ? 'fog' : truth;
      weather[who]![i] = said;
      const regions = [
        { id: `c${who}`, type: 'classification', classId: said, attributes: {} },
        box(`a${who}`, 'car', 0.1 + who * 0.01),
      ];
      if (who !== 1) regions.push(box(`b${who}`, 'car', 0.6));
      return { userId: annotators[who]!, regions, at };
    });
    for (let c = 0; c < 3; c++) weather[c]![i] ??= null;
    await comparedTask(assets[i]!, submissions);
  }
});

describe('the quality report', () => {
  it('is computed by the job from the first submissions, with α equal to Krippendorff’s on the same judgments', async () => {
    expect(await getQualityReport(owner, { projectId })).toMatchObject({ report: null, fresh: false, comparableTasks: 40 });
    const run = await computeQualityReport(projectId);
    expect(run).toMatchObject({ recomputedTasks: 40, tasks: 40 });
    const { report, fresh } = await getQualityReport(owner, { projectId });
    expect(fresh).toBe(true);
    const classification = report!.overall.find((o) => o.family === 'classification')!;
    expect(classification.alpha.value).toBeCloseTo(krippendorffAlpha(weather, 'nominal'), 10);
    expect(classification.alpha.low!).toBeLessThan(classification.alpha.value!);
    expect(classification.units).toBe(40);

    const regions = report!.overall.find((o) => o.family === 'regions')!;
    // Every item: the first car matched by both; the second car drawn by one of the pair only when annotator 2 is in it.
    const withTwo = [...Array(40).keys()].filter((i) => [i % 3, (i + 1) % 3].includes(1)).length;
    expect(regions.units).toBe(40 + 40 - withTwo + withTwo);
    expect(regions.f1).toBeCloseTo((2 * (40 + (40 - withTwo))) / (2 * 40 + 2 * (40 - withTwo) + withTwo), 10);
    const confusion = report!.confusion.find((c) => c.family === 'regions')!;
    expect(confusion.categories.map((c) => c.classId)).toEqual([null, 'car']);
    expect(confusion.counts[0]![1]).toBe(withTwo);

    expect(report!.pairs.filter((p) => p.family === 'classification')).toHaveLength(3);
    expect(report!.people.map((p) => p.id).sort()).toEqual(annotators);
  });

  it('alerts on the label shift of the last week against a four-week baseline, and on nothing else', async () => {
    await saveQualitySettings(owner, { projectId, settings: { minWeeklyLabels: 5 } });
    await computeQualityReport(projectId);
    const { report } = await getQualityReport(owner, { projectId });
    const weeks = report!.weekly.filter((w) => w.family === 'classification');
    expect(weeks).toHaveLength(5);
    expect(weeks.filter((w) => w.baseline)).toHaveLength(4);
    const kinds = report!.alerts.filter((a) => a.family === 'classification').map((a) => `${a.kind}@${a.week}`);
    expect(kinds).toContain(`label_shift@${weeks[4]!.week}`);
    expect(weeks[4]!.labelShift!).toBeGreaterThan(0.1);
    expect(report!.alerts.some((a) => a.week !== weeks[4]!.week)).toBe(false);
  });

  it('recomputes only the items whose submissions changed', async () => {
    expect((await computeQualityReport(projectId)).recomputedTasks).toBe(0);
    await comparedTask(assets[40]!, [
      { userId: annotators[0]!, regions: [box('x', 'car', 0.3)], at: new Date() },
      { userId: annotators[1]!, regions: [], at: new Date() },
    ]);
    expect((await getQualityReport(owner, { projectId })).fresh).toBe(false);
    expect(await computeQualityReport(projectId)).toMatchObject({ recomputedTasks: 1, tasks: 41 });
  });

  it('lists the items behind a figure, worst first, and sends them to the experts once', async () => {
    const { items, total } = await listQualityItems(owner, {
      projectId,
      query: { family: 'classification', disagreeing: true, limit: 50 },
    });
    const disagreeing = [...Array(40).keys()].filter((i) => new Set(weather.map((r) => r[i]).filter((v) => v !== null)).size > 1);
    expect(disagreeing).toHaveLength(4);
    expect(total).toBe(disagreeing.length);
    expect(items.every((i) => i.agreement === 0 && i.annotators.some((a) => a.id === annotators[2]))).toBe(true);
    const pair = await listQualityItems(owner, {
      projectId,
      query: { pair: [annotators[0]!, annotators[1]!], disagreeing: false, limit: 500 },
    });
    expect(
      pair.items.every(
        (i) =>
          i.annotators
            .map((a) => a.id)
            .sort()
            .join() === `${annotators[0]},${annotators[1]}`,
      ),
    ).toBe(true);

    const taskIds = items.slice(0, 2).map((i) => i.taskId);
    expect(await sendToReview(owner, { projectId, taskIds, reason: 'fog vs rain' })).toEqual({ escalated: 2, skipped: [] });
    const again = await sendToReview(owner, { projectId, taskIds: [taskIds[0]!, 'no-such-task'], reason: 'again' });
    expect(again).toEqual({
      escalated: 0,
      skipped: [
        { taskId: taskIds[0], reason: 'already waiting for an expert' },
        { taskId: 'no-such-task', reason: 'not a compared item of this project' },
      ],
    });
    expect(await db().escalation.count({ where: { taskId: { in: taskIds }, reason: 'fog vs rain' } })).toBe(2);
  });

  it('refuses cohorts with outsiders and readers below data lead', async () => {
    const outsider = await createUser(db());
    await expect(
      saveQualitySettings(owner, { projectId, settings: { cohorts: [{ name: 'night shift', memberIds: [outsider.id] }] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(getQualityReport(reviewer, { projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const saved = await saveQualitySettings(owner, {
      projectId,
      settings: { minWeeklyLabels: 5, cohorts: [{ name: 'first two', memberIds: annotators.slice(0, 2) }] },
    });
    expect(saved.cohorts).toHaveLength(1);
    await computeQualityReport(projectId);
    const cohort = (await getQualityReport(owner, { projectId })).report!.cohorts[0]!;
    expect(cohort).toMatchObject({ name: 'first two', memberIds: annotators.slice(0, 2) });
    expect(cohort.units).toBeGreaterThan(0);
  });
});
