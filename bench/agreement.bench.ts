import { krippendorffAlpha, type Rating } from '../lib/quality/agreement';
import { seededRandom } from '../lib/seeded-random';
import { boxIou, matchRegions, type Box } from '../lib/quality/region-match';
import { round, timeRuns } from './percentiles';

// Agreement metrics at project scale (targets on 2 cores: α ≤ 1,000 ms, matching ≤ 10,000 ms). Needs no database.
// α: 5 coders × 200,000 units with 10 % of ratings missing, nominal on class names and interval on 1–5 scores,
// median of 5 runs after a warm-up. Matching: 2 annotators × 10,000 images × 50 boxes, one Hungarian matching per
// image at IoU ≥ 0.5, one timed pass (the second annotator jitters the first's boxes, drops some and adds others).
const CODERS = 5;
const UNITS = 200_000;
const IMAGES = 10_000;
const BOXES = 50;
const random = seededRandom(2026);

function ratings(labelOf: (score: number) => Rating): Rating[][] {
  const truth = Array.from({ length: UNITS }, () => 1 + Math.floor(random() * 5));
  return Array.from({ length: CODERS }, () =>
    truth.map((score) => {
      if (random() < 0.1) return null;
      return labelOf(random() < 0.8 ? score : 1 + Math.floor(random() * 5));
    }),
  );
}

function jitter(box: Box): Box {
  const d = () => (random() - 0.5) * 0.1 * box.w;
  return { x: box.x + d(), y: box.y + d(), w: box.w * (0.95 + random() * 0.1), h: box.h * (0.95 + random() * 0.1) };
}

function images(): [Box[], Box[]][] {
  const box = (): Box => ({ x: random() * 0.9, y: random() * 0.9, w: 0.02 + random() * 0.1, h: 0.02 + random() * 0.1 });
  return Array.from({ length: IMAGES }, () => {
    const first = Array.from({ length: BOXES }, box);
    const second = first.map((b) => (random() < 0.9 ? jitter(b) : box())).sort(() => random() - 0.5);
    return [first, second];
  });
}

const nominal = ratings((score) => `class-${score}`);
const interval = ratings((score) => score);
const alpha = await timeRuns(5, async () => krippendorffAlpha(nominal, 'nominal'), 1);
const alphaInterval = await timeRuns(5, async () => krippendorffAlpha(interval, 'interval'), 1);

const pairs = images();
const started = performance.now();
let matched = 0;
for (const [first, second] of pairs) matched += matchRegions(first, second, boxIou, 0.5).pairs.length;
const matchingMs = performance.now() - started;

console.log(
  JSON.stringify({
    bench: 'agreement',
    judgments: CODERS * UNITS,
    alpha_ms: alpha.p50,
    alpha_interval_ms: alphaInterval.p50,
    regions: IMAGES * BOXES * 2,
    matching_ms: round(matchingMs, 0),
    matched_share: round(matched / (IMAGES * BOXES)),
  }),
);
