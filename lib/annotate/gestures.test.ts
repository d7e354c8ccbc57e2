import { describe, expect, it } from 'vitest';
import {
  drag,
  edgeAt,
  finishDraft,
  keypointClick,
  pathClick,
  press,
  release,
  skipKeypoint,
  undoDraftPoint,
  type ToolContext,
} from './gestures';
import { applyPatch, type EditorRegion } from './patch';
import { box, path, toolContext } from './test-regions';

const mods = { shift: false, alt: false };

const context = toolContext;

/** Press at `from`, drag to `to`, release: what a mouse does. */
function gesture(tool: Parameters<typeof press>[0], ctx: ToolContext, from: [number, number], to: [number, number], m = mods) {
  const started = press(tool, ctx, from, m);
  if (!started) return null;
  return release(drag(started, to), ctx);
}

describe('canvas gestures', () => {
  const doc = [box('a', 0.1, 0.1), box('b', 0.5, 0.5), box('l', 0.7, 0.1, { locked: true })];

  it('a press on a region selects it and a drag moves it, clamped at the border', () => {
    const out = gesture('select', context(doc), [0.2, 0.2], [-0.5, 0.25])!;
    expect(out.select).toEqual(['a']);
    const moved = applyPatch(doc, out.patch).find((r) => r.id === 'a')!;
    expect(moved.x).toBeCloseTo(0);
    expect(moved.y).toBeCloseTo(0.15);
  });

  it('a click without a drag only selects; shift toggles the selection', () => {
    expect(gesture('select', context(doc), [0.6, 0.6], [0.6, 0.6])).toEqual({ patch: [], select: ['b'] });
    expect(gesture('select', context(doc, ['a']), [0.6, 0.6], [0.6, 0.6], { shift: true, alt: false })!.select).toEqual([
      'a',
      'b',
    ]);
    expect(gesture('select', context(doc, ['a', 'b']), [0.2, 0.2], [0.2, 0.2], { shift: true, alt: false })!.select).toEqual([
      'b',
    ]);
  });

  it('dragging a selection moves all of it as one patch, leaving locked regions alone', () => {
    const out = gesture('select', context(doc, ['a', 'b', 'l']), [0.6, 0.6], [0.65, 0.6])!;
    const after = applyPatch(doc, out.patch);
    expect(after.map((r) => Number((r.x as number).toFixed(6)))).toEqual([0.15, 0.55, 0.7]);
  });

  it('a press on empty canvas draws a marquee that selects what lies wholly inside', () => {
    expect(gesture('select', context(doc), [0.05, 0.05], [0.95, 0.95])!.select).toEqual(['a', 'b', 'l']);
    expect(gesture('select', context(doc), [0.05, 0.05], [0.45, 0.45])!.select).toEqual(['a']);
    expect(gesture('select', context(doc, ['l']), [0.45, 0.45], [0.75, 0.75], { shift: true, alt: false })!.select).toEqual([
      'l',
      'b',
    ]);
  });

  it('the handle of the selected box resizes it, flipping past the opposite edge', () => {
    const out = gesture('select', context(doc, ['a']), [0.3, 0.3], [0.05, 0.4])!;
    const resized = applyPatch(doc, out.patch)[0]!;
    expect([resized.x, resized.y, resized.w, resized.h].map((v) => Number((v as number).toFixed(3)))).toEqual([
      0.05, 0.1, 0.05, 0.3,
    ]);
  });

  it('the box tool draws a box of the chosen class and selects it; a click draws nothing', () => {
    const out = gesture('bbox', context(doc), [0.4, 0.6], [0.3, 0.9])!;
    const added = applyPatch(doc, out.patch).at(-1)!;
    expect(added).toMatchObject({ id: 'new1', type: 'bbox', classId: 'car' });
    expect(added.w).toBeCloseTo(0.1);
    expect(out.select).toEqual(['new1']);
    expect(gesture('bbox', context(doc), [0.4, 0.6], [0.4, 0.6])!.patch).toEqual([]);
    expect(press('bbox', context(doc, [], null), [0.4, 0.6], mods)).toBeNull();
  });

  it('dragging a polygon vertex and a keypoint edits that point only', () => {
    const poly: EditorRegion = {
      id: 'p',
      type: 'polygon',
      classId: 'car',
      attributes: {},
      points: [
        [0.1, 0.1],
        [0.3, 0.1],
        [0.2, 0.3],
      ],
    };
    const out = gesture('select', context([poly], ['p']), [0.3, 0.1], [0.4, 0.2])!;
    expect(applyPatch([poly], out.patch)[0]!.points).toEqual([
      [0.1, 0.1],
      [0.4, 0.2],
      [0.2, 0.3],
    ]);
    expect(edgeAt(poly, [0.2, 0.1], 0.01)).toBe(0);
    expect(edgeAt(poly, [0.9, 0.9], 0.01)).toBe(-1);
  });

  it('a polygon grows click by click and closes on its first vertex or Enter', () => {
    const ctx = context([]);
    let step = pathClick('polygon', null, ctx, [0.1, 0.1]);
    step = pathClick('polygon', step.draft, ctx, [0.3, 0.1]);
    expect(finishDraft(step.draft!, ctx).outcome).toBeUndefined();
    step = pathClick('polygon', step.draft, ctx, [0.2, 0.3]);
    expect(undoDraftPoint(step.draft!)!.points).toHaveLength(2);
    const closed = pathClick('polygon', step.draft, ctx, [0.105, 0.1]);
    expect(closed.draft).toBeNull();
    expect(applyPatch([], closed.outcome!.patch)[0]).toMatchObject({
      type: 'polygon',
      points: [
        [0.1, 0.1],
        [0.3, 0.1],
        [0.2, 0.3],
      ],
    });
  });

  it('a polyline needs two points, ends on a second click on its last point or Enter, and stays open', () => {
    const ctx = context([]);
    let step = pathClick('polyline', null, ctx, [0.1, 0.1]);
    // One point is no line: a click on it again, or Enter, keeps drawing.
    expect(pathClick('polyline', step.draft, ctx, [0.102, 0.1]).outcome).toBeUndefined();
    expect(finishDraft(step.draft!, ctx).outcome).toBeUndefined();
    step = pathClick('polyline', step.draft, ctx, [0.5, 0.2]);
    // Its first point does not close it, as a polygon's would.
    step = pathClick('polyline', step.draft, ctx, [0.1, 0.105]);
    expect(step.draft!.points).toHaveLength(3);
    const ended = pathClick('polyline', step.draft, ctx, [0.1, 0.104]);
    expect(ended.draft).toBeNull();
    const line = applyPatch([], ended.outcome!.patch)[0]!;
    expect(line).toMatchObject({
      type: 'polyline',
      classId: 'car',
      points: [
        [0.1, 0.1],
        [0.5, 0.2],
        [0.1, 0.105],
      ],
    });
    const byEnter = finishDraft(
      pathClick('polyline', pathClick('polyline', null, ctx, [0.2, 0.2]).draft, ctx, [0.4, 0.4]).draft!,
      ctx,
    );
    expect(applyPatch([], byEnter.outcome!.patch)[0]).toMatchObject({
      type: 'polyline',
      points: [
        [0.2, 0.2],
        [0.4, 0.4],
      ],
    });
  });

  it('a polyline is grabbed along its segments, not across its open end, and has no closing edge', () => {
    const line = path('l1', 'polyline', [
      [0.1, 0.1],
      [0.5, 0.1],
      [0.5, 0.5],
    ]);
    const ctx = context([line]);
    expect(press('select', ctx, [0.3, 0.105], mods)).toMatchObject({ kind: 'move', ids: ['l1'] });
    // Inside the triangle its points span, but far from every segment: nothing there.
    expect(press('select', ctx, [0.4, 0.3], mods)).toMatchObject({ kind: 'marquee' });
    expect(edgeAt(line, [0.3, 0.1], 0.01)).toBe(0);
    expect(edgeAt(line, [0.5, 0.3], 0.01)).toBe(1);
    expect(edgeAt(line, [0.3, 0.3], 0.01)).toBe(-1);
    const moved = release(drag(press('select', ctx, [0.5, 0.3], mods)!, [0.6, 0.3]), ctx);
    const points = applyPatch([line], moved.patch)[0]!.points as [number, number][];
    expect(points.flat().map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.2, 0.1, 0.6, 0.1, 0.6, 0.5]);
  });

  it('keypoints follow the skeleton: alt marks occluded, N skips, the last point finishes the set', () => {
    const ctx = context([]);
    let step = keypointClick(null, ctx, [0.1, 0.1], 3, mods);
    step = skipKeypoint(step.draft, ctx);
    step = keypointClick(step.draft, ctx, [0.2, 0.2], 3, { shift: false, alt: true });
    expect(step.draft).toBeNull();
    const region = applyPatch([], step.outcome!.patch)[0]!;
    expect(region.points).toEqual([
      { x: 0.1, y: 0.1, v: 2 },
      { x: 0, y: 0, v: 0 },
      { x: 0.2, y: 0.2, v: 1 },
    ]);
  });

  it('Enter on a partial keypoint set stores the rest as not labeled; an empty set stores nothing', () => {
    const ctx = context([]);
    const step = keypointClick(null, ctx, [0.5, 0.5], 4, mods);
    const region = applyPatch([], finishDraft(step.draft!, ctx).outcome!.patch)[0]!;
    expect((region.points as unknown[]).length).toBe(4);
    const skipped = skipKeypoint(keypointClick(null, ctx, [0.5, 0.5], 4, mods).draft, ctx);
    expect(finishDraft({ ...skipped.draft!, points: [{ x: 0, y: 0, v: 0 }] } as never, ctx).outcome).toBeUndefined();
  });
});
