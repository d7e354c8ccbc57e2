import os from 'node:os';
import { DEMO_TAXONOMY } from '../prisma/factories/demo-taxonomy';
import { createStubAssets, createTasksInPass } from '../prisma/factories/create-workflow';
import { seedFinishedImages } from '../prisma/factories/seed-finished-images';
import type { TTaxonomyClass } from '../lib/schemas/taxonomy';
import type { TTaxonomyOperation } from '../lib/taxonomy-migration/operations';
import { db } from '../server/db';
import { closeQueues } from '../server/jobs/enqueue';
import { rows, sql } from '../server/sql';
import { applyTaxonomyMigration } from '../server/taxonomy/apply-taxonomy-migration';
import { dryRunTaxonomyMigration } from '../server/taxonomy/dry-run-taxonomy-migration';
import { publishTaxonomyVersion } from '../server/taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '../server/taxonomy/save-taxonomy-draft';
import { createAnnotators, runAnnotators } from './annotator-crowd';
import { round, summarize } from './percentiles';

// A taxonomy migration at scale: BENCH_MIGRATION_ANNOTATIONS (1,000,000) finished annotations of
// three boxes (a car, a pedestrian, a cyclist: every annotation is touched by every operation, the
// worst case), and a version 2 that splits car into car | van, renames car, and merges pedestrian
// and cyclist into road user. Times the dry run (the route's domain function, BENCH_DRY_RUNS times),
// the publish, and the migrate job's function run to the end in this process while a crowd of
// annotators (child processes, think 2-8 s) claims and submits in the same project; then checks that
// the applied counts equal the dry run's. Prints one JSON line.
const ANNOTATIONS = Number(process.env.BENCH_MIGRATION_ANNOTATIONS ?? 1_000_000);
const DRY_RUNS = Number(process.env.BENCH_DRY_RUNS ?? 3);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 100);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
const CROWD_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

let started = performance.now();
const { ctx, projectId } = await seedFinishedImages(ANNOTATIONS, 3);
const pass = await db().workflowPass.findFirstOrThrow({ where: { projectId }, select: { id: true } });
const open = await createStubAssets(db(), { projectId, count: 20_000, first: ANNOTATIONS });
await createTasksInPass(db(), { projectId, passId: pass.id, assetIds: open, overlap: 1 });
const annotators = await createAnnotators(projectId, WORKERS);
await db().$executeRaw`ANALYZE`;
const seedSeconds = (performance.now() - started) / 1000;

const classes = new Map(DEMO_TAXONOMY.classes.map((c) => [c.id, c]));
const copy = (id: string, from: string, name: string): TTaxonomyClass => ({ ...classes.get(from)!, id, name, hotkey: null });
const definition = {
  classes: [
    { ...classes.get('car')!, name: 'Automobile' },
    copy('van', 'car', 'Van'),
    { ...copy('road_user', 'pedestrian', 'Road user'), hotkey: '2' },
    ...DEMO_TAXONOMY.classes.filter((c) => !['car', 'pedestrian', 'cyclist'].includes(c.id)),
  ],
};
const operations: TTaxonomyOperation[] = [
  { op: 'split_class', classId: 'car', into: ['car', 'van'] },
  { op: 'rename_class', classId: 'car', name: 'Automobile' },
  { op: 'merge_classes', from: ['pedestrian', 'cyclist'], into: 'road_user' },
];
await saveTaxonomyDraft(ctx, { projectId, definition, operations, baseUpdatedAt: null });

const dryRunMs: number[] = [];
let impact = await dryRunTaxonomyMigration(ctx, { projectId });
for (let i = 0; i < DRY_RUNS; i++) {
  started = performance.now();
  impact = await dryRunTaxonomyMigration(ctx, { projectId });
  dryRunMs.push(performance.now() - started);
}
if (impact.problems.length > 0) throw new Error(`the bench's operations do not fit: ${JSON.stringify(impact.problems)}`);

started = performance.now();
await publishTaxonomyVersion(ctx, { projectId });
const publishSeconds = (performance.now() - started) / 1000;
const migration = await db().taxonomyMigration.findFirstOrThrow({ where: { projectId }, select: { id: true } });

const crowd = Promise.all(
  Array.from({ length: PROCESSES }, (_, i) =>
    runAnnotators({
      projectId,
      passId: pass.id,
      userIds: annotators.filter((_a, n) => n % PROCESSES === i).map((a) => a.actor.id),
      thinkMs: '2000-8000',
      seconds: CROWD_SECONDS,
    }),
  ),
);
started = performance.now();
const applied = await applyTaxonomyMigration(migration.id);
const applySeconds = (performance.now() - started) / 1000;
const runs = await crowd;
const claimMs = runs.flatMap((r) => r.claimMs);
const claims = summarize(claimMs);

const appliedPerOperation = await rows<{ op: number; n: number }>(
  sql`SELECT op, count(*)::int AS n FROM "AnnotationMigration", unnest(operations) AS op
    WHERE "migrationId" = ${migration.id} GROUP BY op ORDER BY op`,
);
const dryRunCounts = impact.impact.map((o) => o.annotations);
const appliedCounts = dryRunCounts.map((_, op) => appliedPerOperation.find((r) => r.op === op)?.n ?? 0);

console.log(
  JSON.stringify({
    bench: 'taxonomy-migration',
    annotations: ANNOTATIONS,
    dry_run_ms: round(Math.min(...dryRunMs), 0),
    apply_s: round(applySeconds, 1),
    claim_p50_ms: claims.p50,
    claim_p95_ms: claims.p95,
    claims_during_apply: claimMs.length,
    crowd_seconds: CROWD_SECONDS,
    crowd_errors: runs.reduce((sum, r) => sum + Object.values(r.errors).reduce((a, b) => a + b, 0), 0),
    dry_run_runs_ms: dryRunMs.map((ms) => round(ms, 0)),
    publish_s: round(publishSeconds, 1),
    moved: applied.done,
    dry_run_counts: dryRunCounts,
    applied_counts: appliedCounts,
    reconciled: JSON.stringify(dryRunCounts) === JSON.stringify(appliedCounts),
    seed_s: round(seedSeconds, 1),
  }),
);
await closeQueues();
await db().$disconnect();
