import { describe, expect, it } from 'vitest';
import { addRegions, moveRegions, setAttribute } from './commands';
import { begin, commit, createHistory, end, redo, undo } from './history';
import { applyPatch, invertPatch } from './patch';
import { box } from './test-regions';

describe('patches', () => {
  it('undo exactly what they do, in any mix of inserts, removes and replacements', () => {
    const regions = [box('a'), box('b'), box('c')];
    const patch = [
      { kind: 'remove', index: 1, region: regions[1]! },
      { kind: 'insert', index: 0, region: box('d') },
      { kind: 'replace', index: 2, before: regions[2]!, after: box('c', 0.5) },
    ] as const;
    const changed = applyPatch(regions, patch);
    expect(changed.map((r) => [r.id, r.x])).toEqual([
      ['d', 0.1],
      ['a', 0.1],
      ['c', 0.5],
    ]);
    expect(applyPatch(changed, invertPatch(patch))).toEqual(regions);
  });

  it('refuse to apply out of step rather than corrupt the document', () => {
    expect(() => applyPatch([box('a')], [{ kind: 'remove', index: 0, region: box('b') }])).toThrow('out of step');
  });
});

describe('history', () => {
  it('undoes and redoes one command per entry, and a new change clears the redo stack', () => {
    let h = createHistory([]);
    h = commit(h, addRegions(h.regions, [box('a')]));
    h = commit(h, addRegions(h.regions, [box('b')]));
    h = undo(h);
    expect(h.regions.map((r) => r.id)).toEqual(['a']);
    h = redo(h);
    expect(h.regions.map((r) => r.id)).toEqual(['a', 'b']);
    h = undo(undo(h));
    expect(h.regions).toEqual([]);
    h = commit(h, addRegions(h.regions, [box('c')]));
    expect(redo(h).regions.map((r) => r.id)).toEqual(['c']);
    // Undo with nothing to undo leaves everything as it is.
    expect(undo(undo(h)).regions).toEqual([]);
  });

  it('makes a whole drag one entry holding only the region before and after', () => {
    let h = createHistory([box('a'), box('b')]);
    h = begin(h);
    for (let step = 0; step < 200; step++) h = commit(h, moveRegions(h.regions, ['a'], 0.001, 0));
    h = end(h);
    expect(h.undo).toHaveLength(1);
    expect(h.undo[0]).toHaveLength(1);
    expect(h.regions[0]!.x).toBeCloseTo(0.3, 10);
    expect(undo(h).regions).toEqual([box('a'), box('b')]);
  });

  it('joins attribute typing into one entry, and undo closes an open gesture first', () => {
    let h = createHistory([box('a')]);
    h = begin(h);
    for (const value of ['T', 'To', 'Toy']) h = commit(h, setAttribute(h.regions, 'a', 'make', value));
    expect(h.regions[0]!.attributes).toEqual({ make: 'Toy' });
    h = undo(h);
    expect(h.regions[0]!.attributes).toEqual({});
    expect(h.open).toBeNull();
  });

  it('keeps only the newest entries', () => {
    let h = createHistory([], 3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) h = commit(h, addRegions(h.regions, [box(id)]));
    for (let i = 0; i < 5; i++) h = undo(h);
    expect(h.regions.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
