import { geometryOf, type TBoxGeometry } from '../schemas/geometry';
import { SPLITS } from './export-item';
import type { CreateWriter } from './format-writer';
import { classIndexById, formatNumber, pixelSize, safeBase, textLines } from './text-format';

// Ultralytics YOLO detection/segmentation labels: labels/<split>/<base>.txt beside images/<split>/.
// Written: bbox (as `c cx cy w h`) and polygon (as `c x1 y1 ...`). Skipped: polyline, keypoints,
// classification and the audio/video types, regions whose class is not in the pinned taxonomy, and
// boxes with no area left inside the image.
//
// Ultralytics reads a file as segmentation as soon as one line has more than 6 values, and then
// reads box lines as two points, so in a file with any polygon every box is written as its corners.
// Rotated boxes (YOLO boxes are axis-aligned) are written as a 4-point polygon rotated in pixel
// space (a rotation in normalized space would shear non-square images); without the image size
// they are skipped. Every coordinate is clamped to 0..1, which Ultralytics requires.

type Point = readonly [number, number];

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const isRotated = (box: TBoxGeometry) => (box.rotation ?? 0) % 360 !== 0;

/** The axis-aligned box clipped to the image as x0 y0 x1 y1, or null when nothing of it is inside. */
function clipped(box: TBoxGeometry): [number, number, number, number] | null {
  const [x0, y0] = [clamp01(box.x), clamp01(box.y)];
  const [x1, y1] = [clamp01(box.x + box.w), clamp01(box.y + box.h)];
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

function centerBox(box: TBoxGeometry): number[] | null {
  const c = clipped(box);
  return c && [(c[0] + c[2]) / 2, (c[1] + c[3]) / 2, c[2] - c[0], c[3] - c[1]];
}

/** Top-left, top-right, bottom-right, bottom-left before rotation. */
function corners(box: TBoxGeometry, size: { width: number; height: number } | null): Point[] | null {
  if (!isRotated(box)) {
    const c = clipped(box);
    if (!c) return null;
    const [x0, y0, x1, y1] = c;
    return [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ];
  }
  if (!size || box.w === 0 || box.h === 0) return null;
  const [cx, cy] = [(box.x + box.w / 2) * size.width, (box.y + box.h / 2) * size.height];
  const [hw, hh] = [(box.w * size.width) / 2, (box.h * size.height) / 2];
  // Clockwise on screen, where y points down.
  const theta = ((box.rotation ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(theta), Math.sin(theta)];
  const local: Point[] = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ];
  return local.map(([dx, dy]) => [
    clamp01((cx + dx * cos - dy * sin) / size.width),
    clamp01((cy + dx * sin + dy * cos) / size.height),
  ]);
}

const line = (classIndex: number, values: readonly number[]) =>
  [String(classIndex), ...values.map((v) => formatNumber(v))].join(' ');

export const createYoloWriter: CreateWriter = (ctx) => {
  const classIndex = classIndexById(ctx.classes);
  return {
    item(item) {
      if (item.kind !== 'IMAGE') return [];
      const size = pixelSize(item);
      const shapes: ({ c: number; box: TBoxGeometry } | { c: number; points: readonly Point[] })[] = [];
      for (const region of item.regions) {
        const c = classIndex.get(region.classId);
        if (c === undefined) continue;
        const box = region.type === 'bbox' ? geometryOf('bbox', region) : null;
        const polygon = region.type === 'polygon' ? geometryOf('polygon', region) : null;
        if (box) shapes.push({ c, box });
        if (polygon) shapes.push({ c, points: polygon.points });
      }
      const asSegments = shapes.some((s) => !('box' in s) || (isRotated(s.box) && size));
      const lines: string[] = [];
      for (const shape of shapes) {
        const values = !('box' in shape)
          ? shape.points.flat()
          : asSegments || isRotated(shape.box)
            ? corners(shape.box, size)?.flat()
            : centerBox(shape.box);
        if (values) lines.push(line(shape.c, values));
      }
      return [{ path: `labels/${item.split}/${safeBase(item)}.txt`, content: textLines(lines) }];
    },
    finish() {
      const names = ctx.classes.map((c) => `  - ${JSON.stringify(c.name)}`);
      return [
        {
          path: 'data.yaml',
          content: textLines([
            'path: .',
            ...SPLITS.map((s) => `${s}: images/${s}`),
            `nc: ${ctx.classes.length}`,
            ...(names.length > 0 ? ['names:', ...names] : ['names: []']),
          ]),
        },
      ];
    },
  };
};
