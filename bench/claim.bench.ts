import os from 'node:os';
import { createProject } from '../prisma/factories/create-project';
import { createTaxonomy } from '../prisma/factories/create-taxonomy';
import { createUser } from '../prisma/factories/create-user';
import { createStubAssets, createTasksInPass, createWorkflowPasses } from '../prisma/factories/create-workflow';
import { db } from '../server/db';
import { createAnnotators, runAnnotators } from './annotator-crowd';
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
const THINK_MS = process.env.BENCH_THINK_MS ?? '2000-8000';

const seedStart = performance.now();
const owner = await createUser(db(), { password: null });
const project = await createProject(db(), { ownerId: owner.id, slug: 'bench-claim' });
await createTaxonomy(db(), { projectId: project.id, publish: true });
const [pass] = await createWorkflowPasses(db(), { projectId: project.id, passes: [{ kind: 'LABEL', name: 'Label' }] });
const passId = pass!.id;
const assetIds = await createStubAssets(db(), { projectId: project.id, count: TASKS });
await createTasksInPass(db(), { projectId: project.id, passId, assetIds, overlap: 1 });
const annotators = await createAnnotators(project.id, WORKERS);
// Statistics as autovacuum would have them a minute after the bulk insert; without them the planner
// believes the pass holds a few hundred tasks.
await db().$executeRaw`ANALYZE`;
const seedSeconds = (performance.now() - seedStart) / 1000;

// The annotators run in one child process per core, as a web tier runs one server process per core:
// a single Node process would measure its own event loop (every claim's query compilation is
// JavaScript work) rather than the queue. Each child reports its claim times as one JSON line.
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
const runs = await Promise.all(
  Array.from({ length: PROCESSES }, (_, i) =>
    runAnnotators({
      projectId: project.id,
      passId,
      userIds: annotators.filter((_a, n) => n % PROCESSES === i).map((a) => a.actor.id),
      thinkMs: THINK_MS,
    }),
  ),
);
const claimMs = runs.flatMap((r) => r.claimMs);
const claims = runs.reduce((sum, r) => sum + r.claims, 0);
const submits = runs.reduce((sum, r) => sum + r.submits, 0);
const errors: Record<string, number> = {};
for (const run of runs) for (const [reason, n] of Object.entries(run.errors)) errors[reason] = (errors[reason] ?? 0) + n;
const doubles = await countDoubleAssignments(project.id);
const claimed = await db().assignment.count({ where: { passId } });
const latency = summarize(claimMs);
const p99 = [...claimMs].sort((a, b) => a - b)[Math.floor(0.99 * claimMs.length)] ?? 0;

console.log(
  JSON.stringify({
    bench: 'claim',
    tasks: TASKS,
    workers: WORKERS,
    processes: PROCESSES,
    seconds: SECONDS,
    think_ms: THINK_MS,
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
