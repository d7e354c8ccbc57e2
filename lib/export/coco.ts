import { canonicalJson } from '../canonical-json';
import { geometryOf } from '../schemas/geometry';
import type { TRegion } from '../schemas/workflow';
import type { ExportContext, ExportItem, TSplit } from './export-item';
import { pixelSize } from './text-format';

// COCO (detection, segmentation, keypoints): one JSON file per split, `coco/<split>.json`, written in
// pieces so that a million annotations never sit in memory at once: the head (info, licenses,
// categories), every image, the middle, every annotation, the tail. Images are the split's IMAGE items
// with a known size: image id = item index + 1, file_name = the generated media name; annotation ids
// count up from 1 through the split in snapshot order; category id = the class's 1-based position in
// the pinned taxonomy. Boxes, polygons and keypoints are written (a rotated box as its polygon with the
// axis-aligned box around it, rotated in pixel space); lines, image-level classes and audio or video
// regions have no COCO form and are left out. Each annotation also carries the region's `attributes`
// and `region_id` (COCO readers ignore extra fields).

export const cocoPath = (split: TSplit) => `coco/${split}.json`;

const px = (v: number) => Math.round(v * 100) / 100;

export function cocoHead(ctx: ExportContext): string {
  const categories = ctx.classes.map((c, i) => ({
    id: i + 1,
    name: c.name,
    supercategory: 'none',
    ...(c.skeleton
      ? { keypoints: c.skeleton.keypoints.map((k) => k.name), skeleton: c.skeleton.edges.map(([a, b]) => [a + 1, b + 1]) }
      : {}),
  }));
  const info = { description: ctx.snapshot.name, version: `v${ctx.snapshot.version}`, date_created: ctx.snapshot.createdAt };
  return `{"info":${canonicalJson(info)},"licenses":[],"categories":${canonicalJson(categories)},"images":[`;
}

export const COCO_MIDDLE = '],"annotations":[';
export const COCO_TAIL = ']}\n';

/** The image entry, or null for an item COCO cannot hold (not an image, or no known size). */
export function cocoImage(item: ExportItem): string | null {
  const size = item.kind === 'IMAGE' ? pixelSize(item) : null;
  return size && canonicalJson({ id: item.index + 1, file_name: item.mediaName, width: size.width, height: size.height });
}

type Pt = [number, number];

function bboxOf(points: readonly Pt[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  return [px(x0), px(y0), px(Math.max(...xs) - x0), px(Math.max(...ys) - y0)];
}

function shoelace(points: readonly Pt[]): number {
  let twice = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++)
    twice += points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
  return Math.abs(twice) / 2;
}

/** A box's corners in pixels, turned about its centre by `degrees` clockwise (image y points down). */
function corners(
  b: { x: number; y: number; w: number; h: number },
  degrees: number,
  size: { width: number; height: number },
): Pt[] {
  const [x, y, w, h] = [b.x * size.width, b.y * size.height, b.w * size.width, b.h * size.height];
  const [cx, cy] = [x + w / 2, y + h / 2];
  const [cos, sin] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  return (
    [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ] as Pt[]
  ).map(([dx, dy]) => [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos]);
}

/** The shape fields of one region in pixels, or null when COCO has no form for it or it is malformed. */
function shape(region: TRegion, size: { width: number; height: number }): Record<string, unknown> | null {
  const toPx = ([x, y]: readonly [number, number]): Pt => [x * size.width, y * size.height];
  if (region.type === 'bbox') {
    const b = geometryOf('bbox', region);
    if (!b) return null;
    if (b.rotation) {
      const ring = corners(b, b.rotation, size);
      return { bbox: bboxOf(ring), area: px(shoelace(ring)), segmentation: [ring.flatMap(([x, y]) => [px(x), px(y)])] };
    }
    const box: [number, number, number, number] = [
      px(b.x * size.width),
      px(b.y * size.height),
      px(b.w * size.width),
      px(b.h * size.height),
    ];
    return { bbox: box, area: px(box[2] * box[3]), segmentation: [] };
  }
  if (region.type === 'polygon') {
    const p = geometryOf('polygon', region);
    if (!p) return null;
    const ring = p.points.map(toPx);
    return { bbox: bboxOf(ring), area: px(shoelace(ring)), segmentation: [ring.flatMap(([x, y]) => [px(x), px(y)])] };
  }
  if (region.type === 'keypoints') {
    const k = geometryOf('keypoints', region);
    const labeled = k?.points.filter((p) => p.v > 0) ?? [];
    if (!k || labeled.length === 0) return null;
    const box = bboxOf(labeled.map((p) => toPx([p.x, p.y])));
    return {
      keypoints: k.points.flatMap((p) => (p.v > 0 ? [px(p.x * size.width), px(p.y * size.height), p.v] : [0, 0, 0])),
      num_keypoints: labeled.length,
      bbox: box,
      area: px(box[2] * box[3]),
    };
  }
  return null;
}

/** The item's annotation entries, numbered from `firstId`. */
export function cocoAnnotations(item: ExportItem, ctx: ExportContext, firstId: number): string[] {
  const size = item.kind === 'IMAGE' ? pixelSize(item) : null;
  if (!size) return [];
  const category = new Map(ctx.classes.map((c, i) => [c.id, i + 1]));
  const entries: string[] = [];
  for (const region of item.regions) {
    const categoryId = category.get(region.classId);
    const fields = categoryId ? shape(region, size) : null;
    if (!fields) continue;
    entries.push(
      canonicalJson({
        id: firstId + entries.length,
        image_id: item.index + 1,
        category_id: categoryId,
        iscrowd: 0,
        ...fields,
        attributes: region.attributes ?? {},
        region_id: region.id,
      }),
    );
  }
  return entries;
}
