import { describe, expect, it } from 'vitest';
import type { ToolContext } from './gestures';
import { applyPatch, type EditorRegion } from './patch';
import { path, toolContext } from './test-regions';
import { insertVertexAt, removeVertexAt } from './vertex-edits';

const triangle = path('p', 'polygon', [
  [0.1, 0.1],
  [0.5, 0.1],
  [0.5, 0.5],
]);
const line = path(
  'l',
  'polyline',
  [
    [0.1, 0.8],
    [0.9, 0.8],
  ],
  'lane',
);
const context = (regions: EditorRegion[], selected: string[]) => toolContext(regions, selected, null);
const pointsAfter = (ctx: ToolContext, outcome: ReturnType<typeof insertVertexAt>) =>
  applyPatch(ctx.regions, outcome!.patch).find((r) => r.id === ctx.selected.values().next().value)!.points;

describe('vertex edits', () => {
  it('a double-click on an edge inserts a vertex there, on a polygon and a polyline', () => {
    const ctx = context([triangle, line], ['p']);
    expect(pointsAfter(ctx, insertVertexAt(ctx, [0.3, 0.1]))).toEqual([
      [0.1, 0.1],
      [0.3, 0.1],
      [0.5, 0.1],
      [0.5, 0.5],
    ]);
    const onLine = context([triangle, line], ['l']);
    expect(pointsAfter(onLine, insertVertexAt(onLine, [0.5, 0.8]))).toEqual([
      [0.1, 0.8],
      [0.5, 0.8],
      [0.9, 0.8],
    ]);
    expect(insertVertexAt(ctx, [0.4, 0.2])).toBeNull();
  });

  it('an Alt-click removes a vertex, but never below a triangle or a two-point line', () => {
    const square: EditorRegion = {
      ...triangle,
      points: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.5, 0.5],
        [0.1, 0.5],
      ],
    };
    const ctx = context([square], ['p']);
    expect(pointsAfter(ctx, removeVertexAt(ctx, [0.1, 0.5]))).toEqual([
      [0.1, 0.1],
      [0.5, 0.1],
      [0.5, 0.5],
    ]);
    const tri = context([triangle], ['p']);
    expect(pointsAfter(tri, removeVertexAt(tri, [0.5, 0.5]))).toEqual(triangle.points);
    const two = context([line], ['l']);
    expect(pointsAfter(two, removeVertexAt(two, [0.9, 0.8]))).toEqual(line.points);
    expect(removeVertexAt(tri, [0.3, 0.3])).toBeNull();
  });

  it('leaves locked shapes, boxes and a selection of several alone', () => {
    const locked = context([{ ...triangle, locked: true }], ['p']);
    expect(insertVertexAt(locked, [0.3, 0.1])).toBeNull();
    const box: EditorRegion = { id: 'b', type: 'bbox', classId: 'car', attributes: {}, x: 0.1, y: 0.1, w: 0.4, h: 0.4 };
    expect(removeVertexAt(context([box], ['b']), [0.1, 0.1])).toBeNull();
    expect(insertVertexAt(context([triangle, line], ['p', 'l']), [0.3, 0.1])).toBeNull();
  });
});
