import { describe, expect, it } from 'vitest';
import { acceptSuggestions, addRegions, moveRegions, pasteRegions, removeRegions, reorder, setClass, setFlag } from './commands';
import { applyPatch, invertPatch, type EditorRegion, type Patch } from './patch';
import { box } from './test-regions';

const polygon = (id: string): EditorRegion => ({
  id,
  type: 'polygon',
  classId: 'car',
  attributes: {},
  points: [
    [0.5, 0.5],
    [0.7, 0.5],
    [0.6, 0.8],
  ],
});
const ids = (regions: readonly EditorRegion[]) => regions.map((r) => r.id);

/** Applies a command's patch and checks that its inverse restores the document. */
function run(regions: EditorRegion[], patch: Patch) {
  const after = applyPatch(regions, patch);
  expect(applyPatch(after, invertPatch(patch))).toEqual(regions);
  return after;
}

describe('editor commands', () => {
  const doc = [box('a'), box('b', 0.5), polygon('p'), box('l', 0.3, 0.3, { locked: true })];

  it('add at the top of the z-order and refuse a taken id', () => {
    expect(ids(run(doc, addRegions(doc, [box('n')])))).toEqual(['a', 'b', 'p', 'l', 'n']);
    expect(() => addRegions(doc, [box('a')])).toThrow('taken');
  });

  it('remove several at once, but never a locked region', () => {
    expect(ids(run(doc, removeRegions(doc, ['a', 'p', 'l', 'missing'])))).toEqual(['b', 'l']);
  });

  it('move a selection together, stopping it at the border with its shape kept', () => {
    const moved = run(doc, moveRegions(doc, ['a', 'b', 'p'], 0.5, 0));
    // b's right edge (0.7) can go 0.3 further: every region moves 0.3, not 0.5.
    expect(moved.map((r) => r.x)).toEqual([0.4, 0.8, undefined, 0.3]);
    expect((moved[2] as unknown as { points: number[][] }).points[1]![0]).toBeCloseTo(1, 10);
    expect(moveRegions(doc, ['l'], 0.1, 0)).toEqual([]);
    expect(moveRegions(doc, ['b'], 0.5, 0)[0]).toMatchObject({ after: { x: 0.8 } });
  });

  it('change the class of a selection, touching only regions that change', () => {
    const truck = { id: 'truck', attributes: [{ id: 'color' }] };
    const patch = setClass([...doc, box('t', 0.1, 0.1, { classId: 'truck' })], ['a', 't'], truck);
    expect(patch).toHaveLength(1);
    expect(patch[0]).toMatchObject({ kind: 'replace', after: { id: 'a', classId: 'truck' } });
  });

  it('drops the attributes the new class does not define and keeps the ones it shares', () => {
    const tagged = [box('a', 0.1, 0.1, { attributes: { color: 'red', occluded: true } })];
    const [op] = setClass(tagged, ['a'], { id: 'truck', attributes: [{ id: 'color' }] });
    expect(op).toMatchObject({ after: { classId: 'truck', attributes: { color: 'red' } } });
  });

  it('hide, lock and unlock; a locked region cannot be hidden', () => {
    expect(run(doc, setFlag(doc, ['a'], 'hidden', true))[0]!.hidden).toBe(true);
    expect(setFlag(doc, ['l'], 'hidden', true)).toEqual([]);
    expect(run(doc, setFlag(doc, ['l'], 'locked', false))[3]!.locked).toBe(false);
  });

  it('bring to front and send to back, keeping the selection’s own order', () => {
    expect(ids(run(doc, reorder(doc, ['p', 'a'], 'front')))).toEqual(['b', 'l', 'a', 'p']);
    expect(ids(run(doc, reorder(doc, ['p', 'b'], 'back')))).toEqual(['b', 'p', 'a', 'l']);
    expect(reorder(doc, ['l'], 'front')).toEqual([]);
    expect(reorder(doc, ['a'], 'back')).toEqual([]);
  });

  it('paste copies with fresh ids, offset and unlocked', () => {
    let n = 0;
    const pasted = run(
      doc,
      pasteRegions(doc, [doc[3]!], () => `copy${n++}`, 0.02),
    );
    expect(pasted[4]).toMatchObject({ id: 'copy0', x: 0.32, y: 0.32, locked: false });
  });

  it('accepting a suggestion drops its mark and nothing else; regions without one are untouched', () => {
    const suggested = [box('s', 0.1, 0.1, { suggestion: { model: 'm', score: 0.8 } }), box('own')];
    const after = run(suggested, acceptSuggestions(suggested, ['s', 'own']));
    expect(after[0]).toEqual(box('s'));
    expect(acceptSuggestions(suggested, ['own'])).toEqual([]);
  });
});
