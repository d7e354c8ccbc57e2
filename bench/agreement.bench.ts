import { krippendorffAlpha, type Rating } from '../lib/quality/agreement';
import { seededRandom } from '../lib/seeded-random';
import { boxIou, matchRegions, type Box } from '../lib/quality/region-match';
import { compareAnnotations, type ComparedRegion } from '../lib/quality/compare-task';
import { weeksAfter } from '../lib/quality/iso-week';
import { buildQualityReport, type ComparedTask, type LabelCount } from '../lib/quality/quality-report';
import { ZQualitySettingsSchema } from '../lib/schemas/quality';
import { round, timeRuns } from './percentiles';

// Agreement metrics at project scale (targets on 2 cores: α ≤ 1,000 ms, matching ≤ 10,000 ms). Needs no database.
// α: 5 coders × 200,000 units with 10 % of ratings missing, nominal on class names and interval on 1–5 scores,
// median of 5 runs after a warm-up. Matching: 2 annotators × 10,000 images × 50 boxes, one Hungarian matching per
// image at IoU ≥ 0.5, one timed pass (the second annotator jitters the first's boxes, drops some and adds others).
// Report: the same images as bbox regions of one of 5 classes (the second annotator keeps the first's class 95 % of
// the time), compared per image with compareAnnotations (one timed pass, compare_ms), then buildQualityReport over the
// 10,000 items spread over 8 ISO weeks with their label counts and default settings (one timed pass, report_ms).
const CODERS = 5;
const UNITS = 200_000;
const IMAGES = 10_000;
const BOXES = 50;
const CLASSES = ['car', 'person', 'truck', 'bicycle', 'bus'];
const WEEKS = 8;
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

/** Which of the first annotator's boxes each of the second's stands for (kept outside the random stream). */
const origin = new WeakMap<Box, number>();

function images(): [Box[], Box[]][] {
  const box = (): Box => ({ x: random() * 0.9, y: random() * 0.9, w: 0.02 + random() * 0.1, h: 0.02 + random() * 0.1 });
  return Array.from({ length: IMAGES }, () => {
    const first = Array.from({ length: BOXES }, box);
    const second = first
      .map((b, i) => {
        const theirs = random() < 0.9 ? jitter(b) : box();
        origin.set(theirs, i);
        return theirs;
      })
      .sort(() => random() - 0.5);
    return [first, second];
  });
}

/** A box as a bbox region; a jittered box can start a hair left of or above the image, which the schema refuses. */
function region(id: string, classId: string, b: Box): ComparedRegion {
  return { id, type: 'bbox', classId, x: Math.max(0, b.x), y: Math.max(0, b.y), w: b.w, h: b.h, attributes: {} };
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

const otherClass = (classId: string) => {
  const rest = CLASSES.filter((c) => c !== classId);
  return rest[Math.floor(random() * rest.length)]!;
};
const annotations = pairs.map(([first, second], image) => {
  const classes = first.map(() => CLASSES[Math.floor(random() * CLASSES.length)]!);
  return [
    { annotatorId: 'a', regions: first.map((b, i) => region(`${image}-a${i}`, classes[i]!, b)) },
    {
      annotatorId: 'b',
      regions: second.map((b, i) => {
        const theirs = classes[origin.get(b)!]!;
        return region(`${image}-b${i}`, random() < 0.95 ? theirs : otherClass(theirs), b);
      }),
    },
  ];
});
const mondays = Array.from({ length: WEEKS }, (_, i) => weeksAfter('2026-01-05', i));
const week = (image: number) => mondays[Math.floor((image * WEEKS) / IMAGES)]!;

const compareStarted = performance.now();
const compared = annotations.map((a) => compareAnnotations(a, { iouThreshold: 0.5 }));
const compareMs = performance.now() - compareStarted;
const skipped = compared.reduce((n, c) => n + c.skipped, 0);
if (skipped > 0) throw new Error(`${skipped} regions were malformed`);

const tasks: ComparedTask[] = compared.map(({ units }, image) => ({
  taskId: `task-${image}`,
  week: week(image),
  taxonomyVersion: 1,
  annotators: ['a', 'b'],
  units,
}));
const labelTotals = new Map<string, LabelCount>();
annotations.forEach((sides, image) => {
  for (const { regions } of sides) {
    for (const { classId } of regions) {
      const key = `${week(image)}\u0000${classId}`;
      const count = labelTotals.get(key) ?? { family: 'regions', week: week(image), classId, count: 0 };
      count.count++;
      labelTotals.set(key, count);
    }
  }
});
const reportStarted = performance.now();
const report = buildQualityReport({
  tasks,
  labelCounts: [...labelTotals.values()],
  classes: CLASSES.map((id) => ({ id, name: id, color: '#9e9e9e' })),
  attributes: [],
  settings: ZQualitySettingsSchema.parse({}),
});
const reportMs = performance.now() - reportStarted;
if (typeof report.overall[0]?.alpha.value !== 'number') throw new Error('The report has no α');

console.log(
  JSON.stringify({
    bench: 'agreement',
    judgments: CODERS * UNITS,
    alpha_ms: alpha.p50,
    alpha_interval_ms: alphaInterval.p50,
    regions: IMAGES * BOXES * 2,
    matching_ms: round(matchingMs, 0),
    matched_share: round(matched / (IMAGES * BOXES)),
    compare_ms: round(compareMs, 0),
    report_ms: round(reportMs, 0),
  }),
);
