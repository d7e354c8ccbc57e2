import type { TOperationImpact } from '../schemas/taxonomy-migration';

/**
 * The dry run's statement counts by *mask* rather than per operation: a mask is a string of one
 * character per operation, `1` where the annotation (or, for a task, any of its annotations) holds
 * one of that operation's classes. Grouping by mask keeps the statement's output a few rows however
 * many annotations there are; the counts per operation are sums over the masks that include it.
 */
export interface MaskCount {
  mask: string;
  n: number;
}
export interface TaskMaskCount extends MaskCount {
  passId: string | null;
  passName: string | null;
  status: string;
}
export interface ImpactSample {
  operation: number;
  annotationId: string;
  taskId: string;
}

export function impactFromMasks(
  operations: number,
  counted: {
    annotations: readonly MaskCount[];
    tasks: readonly TaskMaskCount[];
    snapshots: readonly { operation: number; snapshots: number }[];
    samples: readonly ImpactSample[];
  },
): TOperationImpact[] {
  return Array.from({ length: operations }, (_, operation) => {
    const hits = (m: MaskCount) => m.mask[operation] === '1';
    const tasks = counted.tasks.filter(hits);
    return {
      operation,
      annotations: sum(counted.annotations.filter(hits)),
      tasks: sum(tasks),
      byPass: byPass(tasks),
      snapshots: counted.snapshots.find((s) => s.operation === operation)?.snapshots ?? 0,
      samples: counted.samples
        .filter((s) => s.operation === operation)
        .map(({ annotationId, taskId }) => ({ annotationId, taskId })),
    };
  });
}

const sum = (rows: readonly MaskCount[]) => rows.reduce((total, r) => total + r.n, 0);

/** Tasks per (pass, status), ordered by pass name (tasks in no pass last) then status. */
function byPass(tasks: readonly TaskMaskCount[]): TOperationImpact['byPass'] {
  const groups = new Map<string, TOperationImpact['byPass'][number]>();
  for (const t of tasks) {
    const key = JSON.stringify([t.passId, t.status]);
    const group = groups.get(key) ?? { passId: t.passId, passName: t.passName, status: t.status, tasks: 0 };
    group.tasks += t.n;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.passName === null) - Number(b.passName === null) ||
      (a.passName ?? '').localeCompare(b.passName ?? '') ||
      a.status.localeCompare(b.status),
  );
}
