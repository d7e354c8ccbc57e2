import { setTimeout as sleep } from 'node:timers/promises';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { createStubAssets, createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { claimNextTask } from '../server/workflow/claim-next-task';
import { submitAssignment } from '../server/workflow/submit-assignment';
import { round, summarize } from './percentiles';

// The annotation queue under a crowd: 200 annotators work one LABEL pass of 100,000 tasks for
// BENCH_SECONDS, each looping claim → label (think) → submit through the domain functions the API
// calls. Only the claim is timed. Think time (BENCH_THINK_MS, default 2000-8000) stands for a person
// labeling an item: a few seconds for a classification, longer for boxes. With 200 annotators that is
// ~40 claims and ~40 submits a second. `BENCH_THINK_MS=50-150` turns it into a stress test of the
// machine's capacity instead.
const TASKS = 100_000;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const [thinkMin, thinkMax] = (process.env.BENCH_THINK_MS ?? '2000-8000').split('-').map(Number);
const THINK_MS = { min: thinkMin ?? 2000, max: thinkMax ?? 8000 };

const seedStart = performance.now();
const owner = await createUser(db(), { password: null });
const project = await createProject(db(), { ownerId: owner.id, slug: 'bench-claim' });
await createTaxonomy(db(), { projectId: project.id, publish: true });
const [pass] = await createWorkflowPasses(db(), { projectId: project.id, passes: [{ kind: 'LABEL', name: 'Label' }] });
const passId = pass!.id;
const assetIds = await createStubAssets(db(), { projectId: project.id, count: TASKS });
await createTasksInPass(db(), { projectId: project.id, passId, assetIds, overlap: 1 });
const annotators = await createAnnotators(WORKERS);
// Statistics as autovacuum would have them a minute after the bulk insert; without them the planner
// believes the pass holds a few hundred tasks.
await db().$executeRaw`ANALYZE`;
const seedSeconds = (performance.now() - seedStart) / 1000;

// Every claim attempt's time, failed ones included (a claim that timed out waiting for a connection is
// the slowest answer a person gets); `claims` counts the ones that answered.
const claimMs: number[] = [];
let claims = 0;
let submits = 0;
const errors: Record<string, number> = {};
const deadline = performance.now() + SECONDS * 1000;
await Promise.all(annotators.map(annotate));
const doubles = await countDoubleAssignments(project.id);
const claimed = await db().assignment.count({ where: { passId } });
const latency = summarize(claimMs);
const p99 = [...claimMs].sort((a, b) => a - b)[Math.floor(0.99 * claimMs.length)] ?? 0;

console.log(
  JSON.stringify({
    bench: 'claim',
    tasks: TASKS,
    workers: WORKERS,
    seconds: SECONDS,
    think_ms: `${THINK_MS.min}-${THINK_MS.max}`,
    seed_s: round(seedSeconds, 1),
    claims,
    claims_per_s: round(claims / SECONDS, 1),
    assignments: claimed,
    submits,
    errors,
    p50_ms: latency.p50,
    p95_ms: latency.p95,
    p99_ms: round(p99),
    max_ms: latency.max,
    double_assignments: doubles,
  }),
);
await db().$disconnect();

async function annotate(ctx: Ctx): Promise<void> {
  // Annotators arrive spread over one think time rather than all in the same millisecond.
  await think();
  while (performance.now() < deadline) {
    const start = performance.now();
    const claim = await attempt('claim', () => claimNextTask(ctx, { projectId: project.id, passId }));
    claimMs.push(performance.now() - start);
    if (claim) claims++;
    if (claim && !claim.assignment) return;
    await think();
    if (!claim?.assignment) continue;
    const { assignment, annotation } = claim.assignment;
    const submitted = await attempt('submit', () =>
      submitAssignment(ctx, { projectId: project.id, assignmentId: assignment.id, version: annotation!.version }),
    );
    if (submitted) submits++;
  }
}

// A failure is counted by its message, not fatal: an overloaded pool fails some calls, and the figures
// should say how many. A failed claim is tried again; an item whose submit failed is still held, so the
// next claim hands it back.
async function attempt<T>(step: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const reason = `${step}: ${error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error)}`;
    errors[reason] = (errors[reason] ?? 0) + 1;
    return undefined;
  }
}

function think() {
  return sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min));
}

// Users without passwords (no argon2 hashing for 200 accounts), all ANNOTATOR members of the project.
async function createAnnotators(count: number): Promise<Ctx[]> {
  const users = await db().user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `annotator-${i}@bench.loupe.test`, name: `Annotator ${i}` })),
  });
  await db().membership.createMany({
    data: users.map((u) => ({ projectId: project.id, userId: u.id, role: 'ANNOTATOR' as const })),
  });
  return users.map((u) => ({ actor: { id: u.id, email: u.email, name: u.name, isSiteAdmin: false }, via: 'session' }));
}

// Counted from the rows, not from what the claims answered: tasks holding more live LABEL assignments
// than their overlap, plus any (task, user) pair assigned more than once.
async function countDoubleAssignments(projectId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ overfull: bigint; repeated: bigint }[]>`
    SELECT
      (SELECT count(*) FROM (
         SELECT t.id FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id
         WHERE t."projectId" = ${projectId} AND a.pass = 'LABEL' AND a.status IN ('ACTIVE', 'SUBMITTED')
         GROUP BY t.id, t.overlap HAVING count(*) > t.overlap) overfull) AS overfull,
      (SELECT count(*) FROM (
         SELECT 1 FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
         WHERE t."projectId" = ${projectId}
         GROUP BY a."taskId", a."userId" HAVING count(*) > 1) repeated) AS repeated`;
  return Number(row?.overfull ?? 0) + Number(row?.repeated ?? 0);
}
