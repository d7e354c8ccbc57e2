import type { Tool } from '@/lib/annotate/gestures';
import type { TGeometry, TTaxonomyClass } from '@/lib/schemas/taxonomy';

// How the taxonomy turns into drawing: a color and a name per class, the bones of keypoint
// skeletons, and which tools the classes of a pass make available.

export const TOOL_GEOMETRY: Record<Tool, TGeometry | null> = {
  select: null,
  bbox: 'bbox',
  polygon: 'polygon',
  polyline: 'polyline',
  keypoints: 'keypoints',
};
export const GEOMETRY_TOOL: Partial<Record<TGeometry, Tool>> = {
  bbox: 'bbox',
  polygon: 'polygon',
  polyline: 'polyline',
  keypoints: 'keypoints',
};

/** Classes drawn as shapes on the image (as opposed to image-level classification only). */
export const isShapeClass = (c: TTaxonomyClass) => c.geometries.some((g) => g in GEOMETRY_TOOL);

export function sceneStyle(classes: readonly TTaxonomyClass[]) {
  return {
    colors: new Map(classes.map((c) => [c.id, c.color])),
    names: new Map(classes.map((c) => [c.id, c.name])),
    skeletons: new Map(classes.flatMap((c) => (c.skeleton ? [[c.id, c.skeleton.edges] as const] : []))),
  };
}

/** Select, then each drawing tool some class of the pass allows. */
export function toolsFor(classes: readonly TTaxonomyClass[]): Tool[] {
  const allowed = new Set(classes.flatMap((c) => c.geometries));
  return (['select', 'bbox', 'polygon', 'polyline', 'keypoints'] as const).filter(
    (t) => t === 'select' || allowed.has(TOOL_GEOMETRY[t]!),
  );
}
