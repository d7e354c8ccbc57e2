import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { claimNextTask } from '../server/workflow/claim-next-task';
import { submitAssignment } from '../server/workflow/submit-assignment';

// One process of simulated annotators for claim.bench.ts: each loops claim → think → submit until
// BENCH_SECONDS pass, then the process prints its claim times and counts as one JSON line.
const projectId = process.env.BENCH_PROJECT_ID!;
const passId = process.env.BENCH_PASS_ID!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const [thinkMin = 2000, thinkMax = 8000] = (process.env.BENCH_THINK_MS ?? '2000-8000').split('-').map(Number);

const users = await db().user.findMany({ where: { id: { in: process.env.BENCH_USER_IDS!.split(',') } } });
const annotators: Ctx[] = users.map((u) => ({
  actor: { id: u.id, email: u.email, name: u.name, isSiteAdmin: false },
  via: 'session',
}));

// Every claim attempt's time, failed ones included (a claim that timed out waiting for a connection is
// the slowest answer a person gets); `claims` counts the ones that answered.
const claimMs: number[] = [];
let claims = 0;
let submits = 0;
const errors: Record<string, number> = {};
const deadline = performance.now() + SECONDS * 1000;
await Promise.all(annotators.map(annotate));
console.log(JSON.stringify({ claimMs, claims, submits, errors }));
await db().$disconnect();

async function annotate(ctx: Ctx): Promise<void> {
  // Annotators arrive spread over one think time rather than all in the same millisecond.
  await think();
  while (performance.now() < deadline) {
    const start = performance.now();
    const claim = await attempt('claim', () => claimNextTask(ctx, { projectId, passId }));
    claimMs.push(performance.now() - start);
    if (claim) claims++;
    if (claim && !claim.assignment) return;
    await think();
    if (!claim?.assignment) continue;
    const { assignment, annotation } = claim.assignment;
    const submitted = await attempt('submit', () =>
      submitAssignment(ctx, { projectId, assignmentId: assignment.id, version: annotation!.version }),
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
  return sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
}
