import { baseNameOf, finite, parseJson, type ParsedRegion, type ParseResult, type Rejection } from './parsed-row';

// COCO detection files (ours, or any tool's): an item per image, found by its file name; boxes,
// polygons (the first ring; RLE masks are not read) and keypoints in pixels, made relative to the
// image's size as the file gives it. A shape reaching more than half a pixel outside its image is
// refused; within that it is clamped. `score` (detection results) and `attributes` (CVAT's, ours)
// are kept.

interface CocoImage {
  id: unknown;
  file_name?: unknown;
  width?: unknown;
  height?: unknown;
}
interface CocoAnnotation {
  id?: unknown;
  image_id?: unknown;
  category_id?: unknown;
  bbox?: unknown;
  segmentation?: unknown;
  keypoints?: unknown;
  attributes?: unknown;
  score?: unknown;
}

const SLACK_PX = 0.5;

export function parseCoco(text: string): ParseResult {
  const parsed = parseJson(text, 'The COCO file');
  if ('error' in parsed) return { rows: [], rejected: [{ row: 'file', reason: parsed.error }] };
  const coco = parsed.value as { images?: unknown; annotations?: unknown; categories?: unknown };
  if (!Array.isArray(coco?.images) || !Array.isArray(coco.annotations) || !Array.isArray(coco.categories)) {
    return { rows: [], rejected: [{ row: 'file', reason: 'A COCO file needs "images", "annotations" and "categories" lists' }] };
  }
  const categories = new Map((coco.categories as { id: unknown; name: unknown }[]).map((c) => [c?.id, String(c?.name ?? '')]));
  const rejected: Rejection[] = [];
  const byImage = new Map<unknown, CocoAnnotation[]>();
  for (const a of coco.annotations as CocoAnnotation[]) {
    const list = byImage.get(a?.image_id);
    if (list) list.push(a);
    else byImage.set(a?.image_id, [a]);
  }
  const images = coco.images as CocoImage[];
  const known = new Set(images.map((i) => i?.id));
  for (const [imageId, list] of byImage) {
    if (!known.has(imageId))
      rejected.push({
        row: `image ${String(imageId)}`,
        reason: `${list.length} annotation(s) refer to image ${String(imageId)}, which the file does not list`,
      });
  }
  const rows = [];
  for (const image of images) {
    const name = typeof image?.file_name === 'string' ? image.file_name : '';
    const row = `image ${String(image?.id)}${name ? ` (${name})` : ''}`;
    const annotations = byImage.get(image?.id) ?? [];
    if (annotations.length === 0) continue;
    const { width, height } = image;
    if (!name || !finite(width) || !finite(height) || width <= 0 || height <= 0) {
      rejected.push({ row, reason: `${row} needs a file_name, a width and a height` });
      continue;
    }
    const regions: ParsedRegion[] = [];
    for (const a of annotations) {
      const where = `annotation ${String(a?.id ?? '?')}`;
      const category = categories.get(a?.category_id);
      if (!category) {
        rejected.push({
          row: `${row}, ${where}`,
          reason: `its category ${String(a?.category_id)} is not in the file's categories`,
        });
        continue;
      }
      const shape = shapeOf(a, width, height);
      if ('error' in shape) rejected.push({ row: `${row}, ${where}`, reason: shape.error });
      else
        regions.push({
          ...shape,
          where,
          classRef: category,
          attributes: attributesOf(a.attributes),
          score: finite(a.score) ? a.score : null,
        });
    }
    if (regions.length > 0)
      rows.push({ row, match: { filename: baseNameOf(name) }, regions, source: { kind: 'annotation' as const, model: null } });
  }
  return { rows, rejected };
}

type Shape = Pick<ParsedRegion, 'type' | 'geometry'> | { error: string };

function shapeOf(a: CocoAnnotation, width: number, height: number): Shape {
  const inside = (x: number, y: number) => x >= -SLACK_PX && y >= -SLACK_PX && x <= width + SLACK_PX && y <= height + SLACK_PX;
  const unit = (v: number, side: number) => Math.min(1, Math.max(0, v / side));
  if (Array.isArray(a.keypoints) && a.keypoints.length > 0) {
    const k = a.keypoints;
    if (k.length % 3 !== 0 || !k.every(finite)) return { error: 'keypoints must be x, y, v triples' };
    const points = [];
    for (let i = 0; i < k.length; i += 3) {
      const [x, y, v] = [k[i] as number, k[i + 1] as number, k[i + 2] as number];
      if (v > 0 && !inside(x, y)) return { error: `keypoint ${i / 3 + 1} lies outside the ${width} × ${height} image` };
      points.push({ x: v > 0 ? unit(x, width) : 0, y: v > 0 ? unit(y, height) : 0, v: v === 1 || v === 2 ? v : 0 });
    }
    return { type: 'keypoints', geometry: { points } };
  }
  if (a.segmentation && !Array.isArray(a.segmentation)) return { error: 'RLE masks are not imported (polygons and boxes are)' };
  const ring = Array.isArray(a.segmentation) ? (a.segmentation[0] as unknown) : undefined;
  if (Array.isArray(ring) && ring.length > 0) {
    if (ring.length < 6 || ring.length % 2 !== 0 || !ring.every(finite)) return { error: 'a polygon needs 3 or more x, y pairs' };
    const points = [];
    for (let i = 0; i < ring.length; i += 2) {
      if (!inside(ring[i] as number, ring[i + 1] as number))
        return { error: `the polygon leaves the ${width} × ${height} image` };
      points.push([unit(ring[i] as number, width), unit(ring[i + 1] as number, height)]);
    }
    return { type: 'polygon', geometry: { points } };
  }
  const box = a.bbox;
  if (!Array.isArray(box) || box.length !== 4 || !box.every(finite))
    return { error: 'it has no bbox [x, y, width, height], polygon or keypoints' };
  const [x, y, w, h] = box as number[];
  if (w! <= 0 || h! <= 0) return { error: 'its box has no area' };
  if (!inside(x!, y!) || !inside(x! + w!, y! + h!))
    return { error: `its box [${box.join(', ')}] lies outside the ${width} × ${height} image` };
  const [x0, y0] = [unit(x!, width), unit(y!, height)];
  return { type: 'bbox', geometry: { x: x0, y: y0, w: unit(x! + w!, width) - x0, h: unit(y! + h!, height) - y0 } };
}

/** Attributes with plain values only (what a region may carry). */
export function attributesOf(raw: unknown): ParsedRegion['attributes'] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(
      (e): e is [string, string | number | boolean | null] =>
        e[1] === null || ['string', 'number', 'boolean'].includes(typeof e[1]),
    ),
  );
}
