import { describe, expect, it } from 'vitest';
import { ZQualityReportBodySchema, ZQualitySettingsSchema, type TPairUnit, type TQualitySettingsInput } from '../schemas/quality';
import { compareAnnotations, type ComparedRegion } from './compare-task';
import { weeksAfter } from './iso-week';
import {
  buildQualityReport,
  type AttributeDefinition,
  type ComparedTask,
  type LabelCount,
  type QualityFigures,
} from './quality-report';

const CLASSES = [
  { id: 'car', name: 'Car', color: '#ff0000' },
  { id: 'person', name: 'Person', color: '#00ff00' },
  { id: 'truck', name: 'Truck', color: '#0000ff' },
];
/** Mondays: W[0] = 2026-01-05, W[1] = 2026-01-12, … */
const W = Array.from({ length: 10 }, (_, i) => weeksAfter('2026-01-05', i));

const box = (id: string, classId: string, at: number): ComparedRegion => ({
  id,
  type: 'bbox',
  classId,
  x: at * 0.3,
  y: at * 0.3,
  w: 0.2,
  h: 0.2,
  attributes: {},
});

/** One item: each annotator's boxes, given as class ids at distinct positions 0, 1, 2 (undefined: none there). */
function task(taskId: string, week: string, boxes: Record<string, (string | undefined)[]>): ComparedTask {
  const annotations = Object.entries(boxes).map(([annotatorId, classes]) => ({
    annotatorId,
    regions: classes.flatMap((classId, at) => (classId ? [box(`${annotatorId}-${at}`, classId, at)] : [])),
  }));
  const { units, skipped } = compareAnnotations(annotations, { iouThreshold: 0.5 });
  expect(skipped).toBe(0);
  return { taskId, week, taxonomyVersion: 1, annotators: Object.keys(boxes), units };
}

function report(
  tasks: ComparedTask[],
  options: { labelCounts?: LabelCount[]; settings?: TQualitySettingsInput; attributes?: AttributeDefinition[] } = {},
): QualityFigures {
  const figures = buildQualityReport({
    tasks,
    labelCounts: options.labelCounts ?? [],
    classes: CLASSES,
    attributes: options.attributes ?? [],
    settings: ZQualitySettingsSchema.parse(options.settings ?? {}),
  });
  expect(nonFinite(figures)).toEqual([]);
  // The stored report's schema accepts it (shares in [0, 1], integer counts).
  ZQualityReportBodySchema.parse({
    ...figures,
    computedAt: '2026-03-01T00:00:00Z',
    durationMs: 0,
    recomputedTasks: 0,
    annotations: 0,
    skippedRegions: 0,
    people: [],
  });
  return figures;
}

/** Paths of every NaN or infinite number in the object. */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const unit = (a: string, b: string, ca: string | null, cb: string | null, extra: Partial<TPairUnit> = {}): TPairUnit => ({
  family: 'regions',
  a,
  b,
  ca,
  cb,
  ra: ca && `${a}-${ca}`,
  rb: cb && `${b}-${cb}`,
  score: ca && cb ? 1 : null,
  ...extra,
});

describe('buildQualityReport', () => {
  it('perfect agreement: α 1, F1 1, a diagonal confusion matrix', () => {
    const r = report([
      task('t1', W[0]!, { a: ['car', 'person'], b: ['car', 'person'] }),
      task('t2', W[0]!, { a: ['car', 'person'], b: ['car', 'person'] }),
    ]);
    expect(r.tasks).toBe(2);
    expect(r.units).toBe(4);
    expect(r.overall).toHaveLength(1);
    expect(r.overall[0]).toMatchObject({
      family: 'regions',
      taxonomyVersion: 1,
      tasks: 2,
      units: 4,
      percentAgreement: 1,
      f1: 1,
      precision: null,
      recall: null,
      meanScore: 1,
    });
    // Every resample of two identical items is perfect agreement too: the interval is [1, 1].
    expect(r.overall[0]!.alpha).toEqual({ value: 1, low: 1, high: 1, units: 4, undefinedReason: null });
    expect(r.confusion).toEqual([
      {
        family: 'regions',
        categories: [
          { classId: null, name: 'no region' },
          { classId: 'car', name: 'Car' },
          { classId: 'person', name: 'Person' },
        ],
        counts: [
          [0, 0, 0],
          [0, 2, 0],
          [0, 0, 2],
        ],
      },
    ]);
    expect(r.labels.map((l) => [l.classId, l.name, l.color, l.regions, l.alpha.value, l.f1])).toEqual([
      ['car', 'Car', '#ff0000', 4, 1, 1],
      ['person', 'Person', '#00ff00', 4, 1, 1],
    ]);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 'a', b: 'b', tasks: 2, units: 4, f1: 1, precision: 1, recall: 1 });
    expect(r.alerts).toEqual([]);
  });

  it('a region one annotator missed is confusion[no region][class] and lowers F1', () => {
    const r = report([task('t1', W[0]!, { a: ['car', 'car', 'person'], b: ['car', 'car', undefined] })]);
    // Units: car/car, car/car, person/—.
    expect(r.confusion[0]!.counts).toEqual([
      [0, 0, 1],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    const [overall] = r.overall;
    // F1 = 2 · agreeing / (regions of a + regions of b) = 2 · 2 / (3 + 2) = 0.8.
    expect(overall!.f1).toBeCloseTo(0.8, 12);
    expect(overall!.percentAgreement).toBeCloseTo(2 / 3, 12);
    // Coincidences (weight 1): o[car][car] = 4, o[person][none] = o[none][person] = 1; n = 6, totals none 1,
    // car 4, person 1; expected = 1·5 + 4·2 + 1·5 = 18; α = 1 − (n − 1) · 2 / 18 = 1 − 10/18 = 4/9.
    expect(overall!.alpha.value).toBeCloseTo(4 / 9, 12);
    // One item: no bootstrap interval.
    expect(overall!.alpha.low).toBeNull();
    expect(overall!.alpha.high).toBeNull();
    // b drew no false box (precision 2/2) but missed one of a's three (recall 2/3).
    expect(r.pairs[0]).toMatchObject({ precision: 1, f1: 0.8 });
    expect(r.pairs[0]!.recall).toBeCloseTo(2 / 3, 12);
    const person = r.labels.find((l) => l.classId === 'person')!;
    // person vs rest: [both 0, off 1; off 1, rest 4]: totals 1, 5; expected 1·5 + 5·1 = 10; α = 1 − 5·2/10 = 0.
    expect(person).toMatchObject({ regions: 1, f1: 0 });
    expect(person.alpha.value).toBeCloseTo(0, 12);
    const car = r.labels.find((l) => l.classId === 'car')!;
    expect(car).toMatchObject({ regions: 4, f1: 1 });
    expect(car.alpha.value).toBeCloseTo(1, 12);
  });

  it('a class disagreement on one object is off the diagonal both ways', () => {
    const r = report([task('t1', W[0]!, { a: ['car', 'person'], b: ['truck', 'person'] })]);
    // Categories none, car, person, truck.
    expect(r.confusion[0]!.counts).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
    // F1 = 2 · 1 / (2 + 2) = 0.5. α: o[car][truck] = o[truck][car] = 1, o[person][person] = 2; n = 4,
    // totals 1, 2, 1; expected 1·3 + 2·2 + 1·3 = 10; α = 1 − 3 · 2 / 10 = 0.4.
    expect(r.overall[0]!.f1).toBe(0.5);
    expect(r.overall[0]!.alpha.value).toBeCloseTo(0.4, 12);
  });

  describe('label shift', () => {
    const counts = (week: string, byClass: Record<string, number>): LabelCount[] =>
      Object.entries(byClass).map(([classId, count]) => ({ family: 'regions', week, classId, count }));
    // Four baseline weeks of 20 cars and 20 persons each: the baseline distribution is (½, ½).
    const baseline = W.slice(0, 4).flatMap((w) => counts(w, { car: 20, person: 20 }));
    const labelCounts = [
      ...baseline,
      ...counts(W[4]!, { car: 40 }),
      ...counts(W[5]!, { car: 29 }),
      ...counts(W[6]!, { car: 30 }),
      ...counts(W[7]!, { car: 22, person: 18 }),
    ];

    it('alerts when a later week diverges beyond the threshold with enough labels, not below minWeeklyLabels', () => {
      const r = report([], { labelCounts });
      expect(r.baselines).toEqual([{ family: 'regions', weeks: W.slice(0, 4), alpha: null }]);
      const shift = new Map(r.weekly.map((w) => [w.week, w.labelShift]));
      for (const w of W.slice(0, 4)) expect(shift.get(w)).toBeNull();
      // The shift is the Jensen–Shannon distance, √ of the base-2 divergence. p = (1, 0) against (½, ½),
      // m = (¾, ¼): divergence H(m) − (0 + 1)/2 = 0.8112781244591328 − 0.5 = 0.3112781244591328,
      // distance √0.3112781244591328 = 0.5579230452841438.
      expect(shift.get(W[4]!)).toBeCloseTo(0.5579230452841438, 10);
      // 29 labels < minWeeklyLabels (30): not tested at all.
      expect(shift.get(W[5]!)).toBeNull();
      // Exactly 30: tested.
      expect(shift.get(W[6]!)).toBeCloseTo(0.5579230452841438, 10);
      // (0.55, 0.45) against (½, ½): divergence H(0.525, 0.475) − (H(0.55, 0.45) + 1)/2
      // = 0.998195879 − (0.992774454 + 1)/2 = 0.0018086520, distance √ = 0.0425283, under 0.1.
      expect(shift.get(W[7]!)).toBeCloseTo(0.04252825000991577, 6);
      expect(r.alerts.map((a) => [a.kind, a.week, a.threshold])).toEqual([
        ['label_shift', W[4], 0.1],
        ['label_shift', W[6], 0.1],
      ]);
      expect(r.alerts[0]!.value).toBeCloseTo(0.5579230452841438, 10);
      expect(r.alerts[0]!.message).toContain('0.558');
      // No items compared: no α anywhere, and no agreement alerts.
      expect(r.overall).toEqual([]);
      expect(r.weekly.every((w) => w.alpha.value === null && w.tasks === 0)).toBe(true);
    });

    it('follows the settings: a higher threshold or minimum silences it', () => {
      expect(report([], { labelCounts, settings: { labelShiftThreshold: 0.56 } }).alerts).toEqual([]);
      expect(report([], { labelCounts, settings: { labelShiftThreshold: 0.55 } }).alerts).toHaveLength(2);
      const strict = report([], { labelCounts, settings: { minWeeklyLabels: 31 } });
      expect(strict.alerts.map((a) => a.week)).toEqual([W[4]]);
      expect(strict.weekly.find((w) => w.week === W[6])!.labelShift).toBeNull();
    });
  });

  describe('agreement drop', () => {
    const agreeing = (id: string, week: string) => task(id, week, { a: ['car', 'person'], b: ['car', 'person'] });
    const disagreeing = (id: string, week: string) => task(id, week, { a: ['car', 'person'], b: ['person', 'car'] });
    const three = (make: typeof agreeing, week: string) => [1, 2, 3].map((i) => make(`${week}-${i}`, week));

    it('alerts on a week of strong disagreement after an agreeing baseline', () => {
      const r = report([
        ...W.slice(0, 4).flatMap((w) => three(agreeing, w)),
        ...three(disagreeing, W[4]!),
        // One disagreeing item: its α is as low but it has no interval, so it does not alert.
        disagreeing('lone', W[5]!),
        ...three(agreeing, W[6]!),
      ]);
      expect(r.baselines[0]).toEqual({ family: 'regions', weeks: W.slice(0, 4), alpha: 1 });
      const week4 = r.weekly.find((w) => w.week === W[4])!;
      // 6 units, all car/person: o[car][person] = o[person][car] = 6; n = 12, totals 6 and 6;
      // expected 6·6 + 6·6 = 72; α = 1 − 11 · 12 / 72 = −5/6. Every resample is the same mix, so the
      // interval is −5/6 too.
      expect(week4).toMatchObject({ tasks: 3, units: 6, baseline: false });
      expect(week4.alpha.value).toBeCloseTo(-5 / 6, 12);
      expect(week4.alpha.high).toBeCloseTo(-5 / 6, 12);
      expect(r.weekly.find((w) => w.week === W[5])!.alpha).toMatchObject({ high: null });
      // 2 units car/person: n = 4, totals 2 and 2; expected 2·2 + 2·2 = 8; α = 1 − 3 · 4 / 8 = −0.5.
      expect(r.weekly.find((w) => w.week === W[5])!.alpha.value).toBeCloseTo(-0.5, 12);
      expect(r.alerts).toHaveLength(1);
      expect(r.alerts[0]).toMatchObject({ family: 'regions', kind: 'agreement_drop', week: W[4] });
      expect(r.alerts[0]!.value).toBeCloseTo(-5 / 6, 12);
      // Baseline α 1 minus agreementDropThreshold 0.1.
      expect(r.alerts[0]!.threshold).toBeCloseTo(0.9, 12);
    });

    it('never alerts on a baseline week, however it compares with the rest of the baseline', () => {
      const r = report([
        ...W.slice(0, 3).flatMap((w) => three(agreeing, w)),
        ...three(disagreeing, W[3]!),
        ...three(disagreeing, W[4]!),
      ]);
      // Baseline: 9 car/car and 9 person/person units (o 18 and 18) and 6 car/person (o 6 and 6);
      // n = 48, totals 24 and 24; expected 2 · 24 · 24 = 1152; α = 1 − 47 · 12 / 1152 = 588/1152.
      expect(r.baselines[0]!.alpha).toBeCloseTo(588 / 1152, 12);
      const [week3, week4] = [W[3], W[4]].map((week) => r.weekly.find((w) => w.week === week)!);
      expect(week3!.baseline).toBe(true);
      expect(week4!.baseline).toBe(false);
      // The same data in both weeks: only the one after the baseline alerts.
      expect(week3!.alpha.value).toBeCloseTo(-5 / 6, 12);
      expect(week4!.alpha.value).toBeCloseTo(-5 / 6, 12);
      expect(r.alerts.map((a) => [a.kind, a.week])).toEqual([['agreement_drop', W[4]]]);
    });
  });

  it('cohorts: α over the pairs of annotators both in the cohort only', () => {
    const abc: ComparedTask = {
      taskId: 't1',
      week: W[0]!,
      taxonomyVersion: 1,
      annotators: ['a', 'b', 'c'],
      units: [
        unit('a', 'b', 'car', 'car'),
        unit('a', 'b', 'car', 'car'),
        unit('a', 'b', 'person', 'person'),
        unit('a', 'b', 'car', 'person'),
        unit('a', 'c', 'car', 'truck'),
        unit('a', 'c', 'car', 'truck'),
        unit('a', 'c', 'person', null),
        unit('b', 'c', 'car', 'truck'),
        unit('b', 'c', null, 'truck'),
      ],
    };
    const r = report([abc], {
      settings: {
        cohorts: [
          { name: 'A and B', memberIds: ['a', 'b'] },
          { name: 'Everyone', memberIds: ['a', 'b', 'c'] },
          { name: 'C alone', memberIds: ['c'] },
        ],
      },
    });
    const [ab, everyone, alone] = r.cohorts;
    // a–b only, weight 1 (two cohort members on the item): o[car][car] = 4, o[person][person] = 2,
    // o[car][person] = o[person][car] = 1; n = 8, totals car 5, person 3; expected 5·3 + 3·5 = 30;
    // α = 1 − 7 · 2 / 30 = 8/15.
    expect(ab).toMatchObject({ name: 'A and B', memberIds: ['a', 'b'], units: 4 });
    expect(ab!.alpha.value).toBeCloseTo(8 / 15, 12);
    // The same pairs in the per-pair figures.
    expect(r.pairs.find((p) => p.a === 'a' && p.b === 'b')!.alpha.value).toBeCloseTo(8 / 15, 12);
    // Everyone: every pair, weighted 1/2 as in the overall α.
    expect(everyone!.units).toBe(9);
    expect(everyone!.alpha.value).toBeCloseTo(r.overall[0]!.alpha.value!, 12);
    expect(everyone!.alpha.value).not.toBeCloseTo(8 / 15, 3);
    // One member: no pairs.
    expect(alone).toMatchObject({ name: 'C alone', units: 0, alpha: { value: null, units: 0 } });
    expect(alone!.alpha.undefinedReason).toMatch(/two annotators/);
  });

  it('degenerate data: one category throughout gives null α with a reason, never NaN', () => {
    const attrs = { occluded: [false, false] as [unknown, unknown], speed: [3, 3] as [unknown, unknown] };
    const same = (taskId: string, week: string): ComparedTask => ({
      taskId,
      week,
      taxonomyVersion: 1,
      annotators: ['a', 'b'],
      units: [unit('a', 'b', 'car', 'car', { attrs }), unit('a', 'b', 'car', 'car', { attrs })],
    });
    const r = report([same('t1', W[0]!), same('t2', W[0]!), same('t3', W[5]!), same('t4', W[5]!)], {
      labelCounts: [
        { family: 'regions', week: W[0]!, classId: 'car', count: 40 },
        { family: 'regions', week: W[5]!, classId: 'car', count: 40 },
      ],
      attributes: [
        { classId: 'car', attributeId: 'occluded', name: 'Occluded', type: 'boolean' },
        { classId: 'car', attributeId: 'speed', name: 'Speed', type: 'number' },
      ],
    });
    const undefinedAlpha = { value: null, low: null, high: null, undefinedReason: expect.stringMatching(/same category/) };
    expect(r.overall[0]!.alpha).toMatchObject({ ...undefinedAlpha, units: 8 });
    expect(r.overall[0]).toMatchObject({ percentAgreement: 1, f1: 1 });
    expect(r.labels[0]!.alpha).toMatchObject(undefinedAlpha);
    expect(r.pairs[0]!.alpha).toMatchObject(undefinedAlpha);
    expect(r.baselines[0]!.alpha).toBeNull();
    for (const week of r.weekly) expect(week.alpha).toMatchObject(undefinedAlpha);
    expect(r.weekly.find((w) => w.week === W[5])!.labelShift).toBe(0);
    expect(r.attributes.map((a) => [a.attributeId, a.level, a.units, a.alpha.value, a.exactMatch])).toEqual([
      ['occluded', 'nominal', 8, null, 1],
      ['speed', 'interval', 8, null, 1],
    ]);
    expect(r.attributes.every((a) => a.alpha.undefinedReason !== null)).toBe(true);
    expect(r.alerts).toEqual([]);
    // nonFinite(report) is asserted for every report built here; make sure it would see a NaN.
    expect(nonFinite({ a: [{ b: Number.NaN }] })).toEqual(['$.a[0].b']);
  });

  it('no input, or items with no regions, give an empty report', () => {
    const empty = report([]);
    expect(empty).toMatchObject({ tasks: 0, units: 0, overall: [], labels: [], confusion: [], weekly: [], alerts: [] });
    const blank = report([task('t1', W[0]!, { a: [], b: [] })]);
    expect(blank).toMatchObject({ tasks: 1, units: 0, overall: [], weekly: [] });
  });
});
