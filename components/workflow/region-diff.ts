import type { TRegion } from '@/lib/schemas/workflow';

// What a rework changed against the rejected revision. For classifications the class is the
// identity of a region (ids are regenerated when a class is picked again), so regions match by class.

export interface ClassChange {
  classId: string;
  change: 'added' | 'removed' | 'kept';
}

export function classificationDiff(current: readonly TRegion[], previous: readonly TRegion[]): ClassChange[] {
  const now = new Set(current.map((r) => r.classId));
  const before = new Set(previous.map((r) => r.classId));
  const removed = [...before].filter((id) => !now.has(id)).map((classId) => ({ classId, change: 'removed' as const }));
  const rest = [...now].map((classId) => ({ classId, change: before.has(classId) ? ('kept' as const) : ('added' as const) }));
  return [...rest, ...removed];
}
