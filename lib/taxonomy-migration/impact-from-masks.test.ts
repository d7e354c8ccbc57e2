import { describe, expect, it } from 'vitest';
import { impactFromMasks } from './impact-from-masks';

const label = { passId: 'p1', passName: 'Label', status: 'DONE' };
const review = { passId: 'p2', passName: 'Review', status: 'IN_PROGRESS' };

describe('impactFromMasks', () => {
  it('sums, per operation, the annotations and tasks of every mask that includes it', () => {
    const impact = impactFromMasks(3, {
      annotations: [
        { mask: '100', n: 7 },
        { mask: '110', n: 2 },
        { mask: '001', n: 5 },
      ],
      tasks: [
        { ...label, mask: '110', n: 3 },
        { ...review, mask: '100', n: 1 },
        { ...review, mask: '101', n: 4 },
        { ...label, mask: '001', n: 6 },
      ],
      snapshots: [{ operation: 2, snapshots: 1 }],
      samples: [{ operation: 1, annotationId: 'a1', taskId: 't1' }],
    });
    expect(impact.map((o) => [o.annotations, o.tasks, o.snapshots])).toEqual([
      [9, 8, 0],
      [2, 3, 0],
      [5, 10, 1],
    ]);
    expect(impact[0]!.byPass).toEqual([
      { ...label, tasks: 3 },
      { ...review, tasks: 5 },
    ]);
    expect(impact[2]!.byPass).toEqual([
      { ...label, tasks: 6 },
      { ...review, tasks: 4 },
    ]);
    expect(impact[1]!.samples).toEqual([{ annotationId: 'a1', taskId: 't1' }]);
    expect(impact[0]!.samples).toEqual([]);
  });

  it('lists tasks in no pass after the passes, statuses in order, and zero for an operation nothing touches', () => {
    const impact = impactFromMasks(2, {
      annotations: [{ mask: '10', n: 3 }],
      tasks: [
        { passId: null, passName: null, status: 'OPEN', mask: '10', n: 1 },
        { ...label, status: 'OPEN', mask: '10', n: 1 },
        { ...label, mask: '10', n: 1 },
      ],
      snapshots: [],
      samples: [],
    });
    expect(impact[0]!.byPass.map((p) => `${p.passName}/${p.status}`)).toEqual(['Label/DONE', 'Label/OPEN', 'null/OPEN']);
    expect(impact[1]).toEqual({ operation: 1, annotations: 0, tasks: 0, byPass: [], snapshots: 0, samples: [] });
  });
});
