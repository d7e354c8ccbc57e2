import { describe, expect, it } from 'vitest';
import { diffRegions } from './diff-regions';
import { box } from './test-regions';

describe('region diff', () => {
  it('finds added, changed and removed regions by id, ignoring editor flags', () => {
    const before = [box('kept'), box('moved'), box('gone'), box('flagged')];
    const after = [box('kept'), box('moved', 0.3), box('new'), box('flagged', 0.1, 0.1, { hidden: true, locked: true })];
    const { changes, removed } = diffRegions(after, before);
    expect(Object.fromEntries(changes)).toEqual({ moved: 'changed', new: 'added', gone: 'removed' });
    expect(removed.map((r) => r.id)).toEqual(['gone']);
  });

  it('sees an attribute or class change as a change', () => {
    const { changes } = diffRegions(
      [box('a', 0.1, 0.1, { attributes: { color: 'red' } }), box('b', 0.1, 0.1, { classId: 'bus' })],
      [box('a'), box('b')],
    );
    expect(Object.fromEntries(changes)).toEqual({ a: 'changed', b: 'changed' });
  });
});
