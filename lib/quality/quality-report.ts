import {
  QUALITY_FAMILIES,
  type TEstimate,
  type TPairUnit,
  type TQualityFamily,
  type TQualityReportBody,
  type TQualitySettings,
} from '../schemas/quality';
import { jensenShannon } from './label-shift';
import { intervalEstimate, nominalEstimates, type NominalCluster } from './pair-alpha';
import { TRANSCRIPT_ATTRIBUTE } from './compare-task';
import { weeksAfter } from './iso-week';

// The report from the items' pair units (compare-task.ts): α with intervals by family and taxonomy
// version, per label (one-vs-rest), per annotator pair and cohort, the confusion between annotators,
// α per attribute, and a weekly series with drift alerts against a baseline. Pure: the server loads
// the inputs and stores the result.

export interface ComparedTask {
  taskId: string;
  week: string;
  taxonomyVersion: number;
  annotators: readonly string[];
  units: readonly TPairUnit[];
}

export interface LabelCount {
  family: TQualityFamily;
  week: string;
  classId: string;
  count: number;
}

export interface AttributeDefinition {
  classId: string;
  attributeId: string;
  name: string;
  type: 'enum' | 'boolean' | 'number' | 'text';
}

export interface QualityReportInputs {
  tasks: readonly ComparedTask[];
  labelCounts: readonly LabelCount[];
  classes: TQualityReportBody['classes'];
  attributes: readonly AttributeDefinition[];
  settings: TQualitySettings;
}

export type QualityFigures = Omit<
  TQualityReportBody,
  'computedAt' | 'durationMs' | 'recomputedTasks' | 'people' | 'annotations' | 'skippedRegions'
>;

/** An item's pair units, weighted 1/(m−1) for an item m annotators labeled (see pair-alpha.ts). */
type Cluster = readonly TPairUnit[] & { weight?: number };

const weighted = (units: TPairUnit[], annotators: number): Cluster =>
  Object.assign(units, { weight: 1 / Math.max(1, annotators - 1) });
const NO_REGION = 'no region';

/** Category indices of one family: 0 is "no region", then its classes in id order. */
function categoriesOf(units: Iterable<TPairUnit>): (string | null)[] {
  const ids = new Set<string>();
  for (const u of units) {
    if (u.ca !== null) ids.add(u.ca);
    if (u.cb !== null) ids.add(u.cb);
  }
  return [null, ...[...ids].sort()];
}

function encode(clusters: readonly Cluster[], categories: readonly (string | null)[]): NominalCluster[] {
  const index = new Map(categories.map((c, i) => [c, i]));
  return clusters.map((units) => units.map((u) => [index.get(u.ca)!, index.get(u.cb)!, units.weight ?? 1] as const));
}

function detection(units: Iterable<TPairUnit>, classId?: string) {
  let agreeing = 0;
  let sidesA = 0;
  let sidesB = 0;
  let scores = 0;
  let scored = 0;
  for (const u of units) {
    if (u.ca !== null && (classId === undefined || u.ca === classId)) sidesA++;
    if (u.cb !== null && (classId === undefined || u.cb === classId)) sidesB++;
    if (u.ca !== null && u.ca === u.cb && (classId === undefined || u.ca === classId)) {
      agreeing++;
      if (u.score !== null) {
        scores += u.score;
        scored++;
      }
    }
  }
  return {
    f1: sidesA + sidesB > 0 ? (2 * agreeing) / (sidesA + sidesB) : null,
    precision: sidesB > 0 ? agreeing / sidesB : null,
    recall: sidesA > 0 ? agreeing / sidesA : null,
    meanScore: scored > 0 ? scores / scored : null,
  };
}

/** Groups the family's units of each task by a key; every group keeps its units clustered by task. */
function groupClusters(
  tasks: readonly ComparedTask[],
  family: TQualityFamily,
  keyOf: (u: TPairUnit, t: ComparedTask) => string | null,
  { pairwise = false } = {},
) {
  const groups = new Map<string, { clusters: Cluster[]; tasks: Set<string> }>();
  for (const task of tasks) {
    const inTask = new Map<string, TPairUnit[]>();
    for (const u of task.units) {
      if (u.family !== family) continue;
      const key = keyOf(u, task);
      if (key === null) continue;
      const units = inTask.get(key);
      if (units) units.push(u);
      else inTask.set(key, [u]);
    }
    for (const [key, units] of inTask) {
      const group = groups.get(key) ?? { clusters: [], tasks: new Set() };
      // One annotator pair's units are a two-coder data set: weight 1.
      group.clusters.push(weighted(units, pairwise ? 2 : task.annotators.length));
      group.tasks.add(task.taskId);
      groups.set(key, group);
    }
  }
  return groups;
}

function alphaOf(clusters: readonly Cluster[], categories: readonly (string | null)[]): TEstimate {
  return nominalEstimates(encode(clusters, categories), categories.length)[0]!;
}

const flat = (clusters: readonly Cluster[]) => clusters.flat();

export function buildQualityReport(inputs: QualityReportInputs): QualityFigures {
  const { tasks, settings } = inputs;
  const report: QualityFigures = {
    settings,
    tasks: tasks.length,
    units: tasks.reduce((sum, t) => sum + t.units.length, 0),
    overall: [],
    labels: [],
    pairs: [],
    cohorts: [],
    confusion: [],
    attributes: [],
    weekly: [],
    baselines: [],
    alerts: [],
    classes: inputs.classes,
  };
  const nameOf = new Map(inputs.classes.map((c) => [c.id, c]));
  const families = QUALITY_FAMILIES.filter(
    (f) => tasks.some((t) => t.units.some((u) => u.family === f)) || inputs.labelCounts.some((l) => l.family === f),
  );
  for (const family of families) {
    const all = [...groupClusters(tasks, family, () => '').values()][0]?.clusters ?? [];
    const categories = categoriesOf(flat(all));

    for (const [version, group] of groupClusters(tasks, family, (_, t) => String(t.taxonomyVersion))) {
      const units = flat(group.clusters);
      report.overall.push({
        family,
        taxonomyVersion: Number(version),
        tasks: group.tasks.size,
        units: units.length,
        alpha: alphaOf(group.clusters, categories),
        percentAgreement: units.length > 0 ? units.filter((u) => u.ca === u.cb).length / units.length : null,
        ...detection(units),
        precision: null,
        recall: null,
      });
    }

    const labels = categories.slice(1);
    const [, ...labelAlphas] = nominalEstimates(
      encode(all, categories),
      categories.length,
      labels.map((_, i) => i + 1),
    );
    const units = flat(all);
    labels.forEach((classId, i) => {
      report.labels.push({
        family,
        classId: classId!,
        name: nameOf.get(classId!)?.name ?? classId!,
        color: nameOf.get(classId!)?.color ?? '#9e9e9e',
        regions: units.reduce((n, u) => n + (u.ca === classId ? 1 : 0) + (u.cb === classId ? 1 : 0), 0),
        alpha: labelAlphas[i]!,
        ...detection(units, classId!),
        precision: null,
        recall: null,
      });
    });

    for (const [key, group] of groupClusters(tasks, family, (u) => `${u.a}\u0000${u.b}`, { pairwise: true })) {
      const [a, b] = key.split('\u0000') as [string, string];
      report.pairs.push({
        family,
        a,
        b,
        tasks: group.tasks.size,
        units: flat(group.clusters).length,
        alpha: alphaOf(group.clusters, categories),
        ...detection(flat(group.clusters)),
      });
    }

    const counts = categories.map(() => categories.map(() => 0));
    const index = new Map(categories.map((c, i) => [c, i]));
    for (const u of units) {
      const i = index.get(u.ca)!;
      const j = index.get(u.cb)!;
      counts[i]![j]!++;
      if (i !== j) counts[j]![i]!++;
    }
    report.confusion.push({
      family,
      categories: categories.map((c) => ({ classId: c, name: c === null ? NO_REGION : (nameOf.get(c)?.name ?? c) })),
      counts,
    });

    report.attributes.push(...attributeAgreement(tasks, family, inputs.attributes));
    weeklySeries(report, inputs, family, categories);
  }
  report.cohorts = settings.cohorts.map((cohort) => cohortAgreement(tasks, cohort));
  return report;
}

/** α over the pairs of annotators who are both in the cohort, all region types together (class ids qualified by type). */
function cohortAgreement(tasks: readonly ComparedTask[], cohort: TQualitySettings['cohorts'][number]) {
  const members = new Set(cohort.memberIds);
  const clusters = tasks.flatMap((t) => {
    const units = t.units
      .filter((u) => members.has(u.a) && members.has(u.b))
      .map((u) => ({ ...u, ca: u.ca && `${u.family}:${u.ca}`, cb: u.cb && `${u.family}:${u.cb}` }));
    return units.length > 0 ? [weighted(units, t.annotators.filter((id) => members.has(id)).length)] : [];
  });
  const categories = categoriesOf(flat(clusters));
  return { name: cohort.name, memberIds: cohort.memberIds, units: flat(clusters).length, alpha: alphaOf(clusters, categories) };
}

const normalizedText = (value: unknown) => String(value).trim().toLowerCase().replace(/\s+/g, ' ');

/** α per attribute over matched pairs of the same class where both annotators gave a value. */
function attributeAgreement(tasks: readonly ComparedTask[], family: TQualityFamily, definitions: readonly AttributeDefinition[]) {
  const definitionOf = new Map(definitions.map((d) => [`${d.classId}\u0000${d.attributeId}`, d]));
  const groups = new Map<string, [unknown, unknown][][]>();
  for (const task of tasks) {
    const inTask = new Map<string, [unknown, unknown][]>();
    for (const u of task.units) {
      if (u.family !== family || !u.attrs || u.ca === null) continue;
      for (const [attributeId, [va, vb]] of Object.entries(u.attrs)) {
        if (va === null || va === undefined || vb === null || vb === undefined) continue;
        const key = `${u.ca}\u0000${attributeId}`;
        const pairs = inTask.get(key);
        if (pairs) pairs.push([va, vb]);
        else inTask.set(key, [[va, vb]]);
      }
    }
    for (const [key, pairs] of inTask) {
      const clusters = groups.get(key);
      if (clusters) clusters.push(pairs);
      else groups.set(key, [pairs]);
    }
  }
  return [...groups].map(([key, clusters]) => {
    const [classId, attributeId] = key.split('\u0000') as [string, string];
    const definition = definitionOf.get(key);
    const type = attributeId === TRANSCRIPT_ATTRIBUTE ? 'text' : (definition?.type ?? 'enum');
    const pairs = clusters.flat();
    // A number attribute whose values are not all numbers (an older taxonomy) falls back to nominal.
    const numeric = type === 'number' && pairs.every(([a, b]) => typeof a === 'number' && typeof b === 'number');
    const level: 'text' | 'interval' | 'nominal' = type === 'text' ? 'text' : numeric ? 'interval' : 'nominal';
    let alpha: TEstimate;
    if (level === 'text') {
      alpha = { value: null, low: null, high: null, units: pairs.length, undefinedReason: 'text is compared for exact equality' };
    } else if (numeric) {
      alpha = intervalEstimate(clusters as [number, number][][]);
    } else {
      const values: Cluster[] = clusters.map((c) => c.map(([a, b]) => ({ ca: String(a), cb: String(b) }) as TPairUnit));
      alpha = alphaOf(values, categoriesOf(values.flat()).slice(1));
    }
    return {
      family,
      classId,
      attributeId,
      name: attributeId === TRANSCRIPT_ATTRIBUTE ? 'Transcript' : (definition?.name ?? attributeId),
      level,
      units: pairs.length,
      alpha,
      exactMatch:
        pairs.length > 0 ? pairs.filter(([a, b]) => normalizedText(a) === normalizedText(b)).length / pairs.length : null,
    };
  });
}

/**
 * Week by week: α of the items compared that week and the label distribution of every first
 * submission, each tested against the baseline (`baselineWeeks` calendar weeks from the first week
 * with data). A label shift is a Jensen–Shannon distance (the square root of the base-2 divergence,
 * a metric in 0–1; 0.1 is the usual alerting threshold for categorical drift) above the threshold in
 * a week with enough labels; an agreement drop is α below the baseline's by more than the threshold with the week's whole 95 %
 * interval below the baseline's α (so one noisy week of few items does not alert).
 */
function weeklySeries(
  report: QualityFigures,
  inputs: QualityReportInputs,
  family: TQualityFamily,
  categories: (string | null)[],
) {
  const { settings } = inputs;
  const byWeek = groupClusters(inputs.tasks, family, (_, t) => t.week);
  const labelsByWeek = new Map<string, Record<string, number>>();
  for (const l of inputs.labelCounts) {
    if (l.family !== family) continue;
    const counts = labelsByWeek.get(l.week) ?? {};
    counts[l.classId] = (counts[l.classId] ?? 0) + l.count;
    labelsByWeek.set(l.week, counts);
  }
  const weeks = [...new Set([...byWeek.keys(), ...labelsByWeek.keys()])].sort();
  if (weeks.length === 0) return;
  const baselineEnd = weeksAfter(weeks[0]!, settings.baselineWeeks);
  const baselineWeeks = weeks.filter((w) => w < baselineEnd);
  const baselineClusters = baselineWeeks.flatMap((w) => byWeek.get(w)?.clusters ?? []);
  const baselineAlpha = alphaOf(baselineClusters, categories).value;
  const baselineLabels: Record<string, number> = {};
  for (const w of baselineWeeks) {
    for (const [classId, n] of Object.entries(labelsByWeek.get(w) ?? {}))
      baselineLabels[classId] = (baselineLabels[classId] ?? 0) + n;
  }
  const baselineTotal = Object.values(baselineLabels).reduce((a, b) => a + b, 0);
  report.baselines.push({ family, weeks: baselineWeeks, alpha: baselineAlpha });

  for (const week of weeks) {
    const group = byWeek.get(week);
    const labelCounts = labelsByWeek.get(week) ?? {};
    const labelTotal = Object.values(labelCounts).reduce((a, b) => a + b, 0);
    const baseline = week < baselineEnd;
    const alpha = alphaOf(group?.clusters ?? [], categories);
    const labelShift =
      !baseline && baselineTotal > 0 && labelTotal >= settings.minWeeklyLabels
        ? Math.sqrt(jensenShannon(labelCounts, baselineLabels))
        : null;
    report.weekly.push({
      family,
      week,
      tasks: group?.tasks.size ?? 0,
      units: alpha.units,
      alpha,
      labelCounts,
      labelShift,
      baseline,
    });
    if (labelShift !== null && labelShift > settings.labelShiftThreshold) {
      report.alerts.push({
        family,
        kind: 'label_shift',
        week,
        value: labelShift,
        threshold: settings.labelShiftThreshold,
        message: `Label distribution moved from the baseline: Jensen–Shannon distance ${labelShift.toFixed(3)} > ${settings.labelShiftThreshold}`,
      });
    }
    const drop = baselineAlpha !== null && alpha.value !== null ? baselineAlpha - alpha.value : null;
    if (
      !baseline &&
      drop !== null &&
      drop > settings.agreementDropThreshold &&
      alpha.high !== null &&
      alpha.high < baselineAlpha!
    ) {
      report.alerts.push({
        family,
        kind: 'agreement_drop',
        week,
        value: alpha.value!,
        threshold: baselineAlpha! - settings.agreementDropThreshold,
        message: `Agreement fell to α = ${alpha.value!.toFixed(2)} from the baseline's ${baselineAlpha!.toFixed(2)} (95 % interval up to ${alpha.high.toFixed(2)})`,
      });
    }
  }
}
