import { baseNameOf, finite, parseJson, type ParsedRegion, type ParsedRow, type ParseResult, type Rejection } from './parsed-row';

// Label Studio's JSON export: a list of tasks, each with the file it labels (`data.image`, or the
// first text value of `data`: only its last path segment is used, to find the asset by name), its
// annotations (people's) and predictions (models', with `model_version` and scores). Rectangles
// (with rotation), polygons and choices are read, in Label Studio's percent coordinates; other result
// types are refused one by one with the reason (keypoints there are single points, not a skeleton).

interface LsResult {
  type?: unknown;
  value?: Record<string, unknown>;
  score?: unknown;
  original_width?: unknown;
  original_height?: unknown;
}

const LABELS: Record<string, string> = { rectanglelabels: 'bbox', polygonlabels: 'polygon', choices: 'classification' };

export function parseLabelStudio(text: string): ParseResult {
  const parsed = parseJson(text, 'The Label Studio file');
  if ('error' in parsed) return { rows: [], rejected: [{ row: 'file', reason: parsed.error }] };
  const tasks = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const rows: ParsedRow[] = [];
  const rejected: Rejection[] = [];
  tasks.forEach((task: { id?: unknown; data?: Record<string, unknown>; annotations?: unknown; predictions?: unknown }, t) => {
    const taskName = `task ${String(task?.id ?? t + 1)}`;
    const file =
      typeof task?.data?.image === 'string'
        ? task.data.image
        : Object.values(task?.data ?? {}).find((v) => typeof v === 'string');
    if (typeof file !== 'string' || !baseNameOf(file))
      return void rejected.push({ row: taskName, reason: `${taskName} names no file in its data` });
    const filename = baseNameOf(file);
    const groups: [ParsedRow['source']['kind'], unknown][] = [
      ['annotation', task.annotations],
      ['prediction', task.predictions],
    ];
    for (const [kind, list] of groups) {
      if (!Array.isArray(list)) continue;
      list.forEach((entry: { result?: unknown; model_version?: unknown; score?: unknown; was_cancelled?: unknown }, k) => {
        const row = `${taskName} ${kind} ${k + 1}`;
        if (entry?.was_cancelled === true || !Array.isArray(entry?.result)) return;
        const regions: ParsedRegion[] = [];
        (entry.result as LsResult[]).forEach((result, r) => {
          const read = regionsOf(result, finite(entry.score) ? entry.score : null, `result ${r + 1}`);
          if ('error' in read) rejected.push({ row: `${row}, result ${r + 1}`, reason: read.error });
          else regions.push(...read.regions);
        });
        const model = kind === 'prediction' && typeof entry.model_version === 'string' ? entry.model_version : null;
        if (regions.length > 0) rows.push({ row, match: { filename }, regions, source: { kind, model } });
      });
    }
  });
  return { rows, rejected };
}

function regionsOf(
  result: LsResult,
  fallbackScore: number | null,
  where: string,
): { regions: ParsedRegion[] } | { error: string } {
  const type = typeof result?.type === 'string' ? result.type : '';
  const ours = LABELS[type];
  if (!ours) return { error: `${type || 'a result without a type'} is not imported (rectangles, polygons and choices are)` };
  const v = result.value ?? {};
  const names = v[type];
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string'))
    return { error: `${type} has no label` };
  const score = finite(result.score) ? result.score : fallbackScore;
  const percent = (n: unknown) => (finite(n) && n >= -0.05 && n <= 100.05 ? Math.min(1, Math.max(0, n / 100)) : null);
  if (ours === 'classification') {
    return {
      regions: (names as string[]).map((name) => ({
        where,
        type: 'classification',
        classRef: name,
        attributes: {},
        geometry: {},
        score,
      })),
    };
  }
  let geometry: Record<string, unknown>;
  if (ours === 'bbox') {
    const [x, y, w, h] = [percent(v.x), percent(v.y), percent(v.width), percent(v.height)];
    if (x === null || y === null || w === null || h === null || w === 0 || h === 0)
      return { error: 'a rectangle needs x, y, width and height from 0 to 100' };
    if ((!finite(v.rotation) || v.rotation === 0) && (x + w > 1.0005 || y + h > 1.0005))
      return { error: 'the rectangle reaches outside the image' };
    const rotation = finite(v.rotation) ? v.rotation : 0;
    if (rotation === 0) geometry = { x, y, w: Math.min(w, 1 - x), h: Math.min(h, 1 - y) };
    else {
      const turned = centreRotated({ x, y, w, h }, rotation, result);
      if (!turned) return { error: 'a rotated rectangle needs original_width and original_height' };
      geometry = turned;
    }
  } else {
    const points = Array.isArray(v.points)
      ? v.points.map((p: unknown) => (Array.isArray(p) ? [percent(p[0]), percent(p[1])] : [null, null]))
      : [];
    if (points.length < 3 || points.some(([a, b]) => a === null || b === null))
      return { error: 'a polygon needs 3 or more points from 0 to 100' };
    geometry = { points };
  }
  return {
    regions: (names as string[]).map((name) => ({
      where,
      type: ours as ParsedRegion['type'],
      classRef: name,
      attributes: {},
      geometry,
      score,
    })),
  };
}

/**
 * Label Studio turns a rectangle about its top-left corner; ours turn about their centre. The same
 * rectangle, in pixel space (the image's aspect matters): its centre is the corner plus the turned
 * half diagonal.
 */
function centreRotated(b: { x: number; y: number; w: number; h: number }, degrees: number, result: LsResult) {
  const [width, height] = [result.original_width, result.original_height];
  if (!finite(width) || !finite(height) || width <= 0 || height <= 0) return null;
  const [cos, sin] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  const [w, h] = [b.w * width, b.h * height];
  const cx = b.x * width + (w / 2) * cos - (h / 2) * sin;
  const cy = b.y * height + (w / 2) * sin + (h / 2) * cos;
  return { x: (cx - w / 2) / width, y: (cy - h / 2) / height, w: b.w, h: b.h, rotation: degrees };
}
