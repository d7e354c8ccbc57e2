import { describe, expect, it } from 'vitest';
import type { TRegion } from '@/lib/schemas/workflow';
import { classificationDiff } from './region-diff';

const region = (id: string, classId: string): TRegion => ({ id, type: 'classification', classId, attributes: {} });

describe('classificationDiff', () => {
  it('marks a replaced class as removed and its replacement as added', () => {
    expect(classificationDiff([region('r2', 'bus')], [region('r1', 'car')])).toEqual([
      { classId: 'bus', change: 'added' },
      { classId: 'car', change: 'removed' },
    ]);
  });

  it('matches regions by class, not by id', () => {
    expect(classificationDiff([region('new-id', 'car')], [region('old-id', 'car')])).toEqual([
      { classId: 'car', change: 'kept' },
    ]);
  });

  it('lists everything as removed when the rework cleared the label', () => {
    expect(classificationDiff([], [region('r1', 'car')])).toEqual([{ classId: 'car', change: 'removed' }]);
  });
});
