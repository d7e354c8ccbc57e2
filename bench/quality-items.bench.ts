import { compareAnnotations } from '../lib/quality/compare-task';
import { summarizeItem } from '../lib/quality/item-summary';
import { seededRandom } from '../lib/seeded-random';
import { createProject } from '../prisma/factories/create-project';
import { createUser } from '../prisma/factories/create-user';
import { createStubAssets, createWorkflowPasses } from '../prisma/factories/create-workflow';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { getQualityComparison } from '../server/quality/get-quality-comparison';
import { listQualityItems } from '../server/quality/list-quality-items';
import { round, timeRuns } from './percentiles';

// The quality page's drill-down at scale: the items behind a figure when the worker has stored the
// comparisons of 10,000 double-labeled images × 50 boxes (≈ 550,000 pair units), least agreement
// first, through the domain functions with their permission checks (median of 20 runs after a warm-up).
const IMAGES = 10_000;
const BOXES = 50;
const CLASSES = ['car', 'pedestrian', 'cyclist', 'truck', 'sign'];
const random = seededRandom(9);

const owner = await createUser(db());
const ctx: Ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isSiteAdmin: false }, via: 'session' };
const annotators = [await createUser(db()), await createUser(db())].map((u) => u.id);
const project = await createProject(db(), { ownerId: owner.id });
const [pass] = await createWorkflowPasses(db(), {
  projectId: project.id,
  passes: [{ kind: 'LABEL', name: 'Double', overlap: 2 }],
});
const assets = await createStubAssets(db(), { projectId: project.id, count: IMAGES });
const weeks = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2026, 9, 5 + 7 * i)).toISOString().slice(0, 10));

function regions(): [object[], object[]] {
  const first = Array.from({ length: BOXES }, (_, i) => ({
    id: `a${i}`,
    type: 'bbox',
    classId: CLASSES[Math.floor(random() * CLASSES.length)]!,
    x: random() * 0.9,
    y: random() * 0.9,
    w: 0.02 + random() * 0.08,
    h: 0.02 + random() * 0.08,
  }));
  const second = first.flatMap((r, i) =>
    random() < 0.05
      ? []
      : [{ ...r, id: `b${i}`, x: r.x + (random() - 0.5) * 0.01, classId: random() < 0.95 ? r.classId : CLASSES[0]! }],
  );
  return [first, second];
}

const started = performance.now();
const CHUNK = 500;
let taskIds: string[] = [];
let pairUnits = 0;
for (let from = 0; from < IMAGES; from += CHUNK) {
  const chunk = assets.slice(from, from + CHUNK);
  const ids = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "Task" (id, "projectId", "assetId", overlap, status, "openSlots", "updatedAt")
    SELECT gen_random_uuid()::text, ${project.id}, asset_id, 2, 'DONE', 0, now() FROM unnest(${chunk}::text[]) AS asset_id
    RETURNING id`;
  const comparisons = chunk.map((assetId, i) => {
    const [a, b] = regions();
    const { units, skipped } = compareAnnotations(
      [
        { annotatorId: annotators[0]!, regions: a as never },
        { annotatorId: annotators[1]!, regions: b as never },
      ],
      { iouThreshold: 0.5 },
    );
    pairUnits += units.length;
    return { assetId, week: weeks[(from + i) % weeks.length], taxonomyVersion: 1, annotators, units, skipped };
  });
  await db().$executeRaw`
    INSERT INTO "QualityTaskResult" ("taskId", "passId", "projectId", "sourceKey", comparison, summary, "computedAt")
    SELECT t, ${pass!.id}, ${project.id}, 'bench', c, s, now()
    FROM unnest(${ids.map((r) => r.id)}::text[], ${comparisons.map((c) => JSON.stringify(c))}::jsonb[],
      ${comparisons.map((c) => JSON.stringify(summarizeItem(c.week!, annotators, c.units)))}::jsonb[]) AS x(t, c, s)`;
  taskIds = taskIds.concat(ids.map((r) => r.id));
}
await db().$executeRaw`VACUUM ANALYZE`;
const seedMs = performance.now() - started;

const list = (query: Record<string, unknown>) => () =>
  listQualityItems(ctx, {
    projectId: project.id,
    query: { disagreeing: true, limit: 25, ...query } as Parameters<typeof listQualityItems>[1]['query'],
  });
const all = await timeRuns(20, list({ family: 'regions' }));
const byClass = await timeRuns(20, list({ family: 'regions', classId: 'cyclist' }));
const byWeek = await timeRuns(20, list({ family: 'regions', week: weeks[3] }));
const byPair = await timeRuns(20, list({ family: 'regions', pair: annotators }));
const comparison = await timeRuns(20, () => getQualityComparison(ctx, { projectId: project.id, taskId: taskIds[42]! }));

console.log(
  JSON.stringify({
    bench: 'quality-items',
    items: IMAGES,
    pair_units: pairUnits,
    seed_ms: round(seedMs, 0),
    items_p50_ms: all.p50,
    items_p95_ms: all.p95,
    items_by_class_p50_ms: byClass.p50,
    items_by_week_p50_ms: byWeek.p50,
    items_by_pair_p50_ms: byPair.p50,
    comparison_p50_ms: comparison.p50,
  }),
);
process.exit(0);
