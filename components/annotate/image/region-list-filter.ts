import type { EditorRegion } from '@/lib/annotate/patch';
import type { TGeometry, TTaxonomyClass } from '@/lib/schemas/taxonomy';

// The region list's search and class filter, pure so that it can be tested and timed: the list runs
// it on every (deferred) keystroke over up to 20,000 regions. The lowercase text each region is
// searched by is built once per document change (`buildSearchIndex`), not per keystroke.

/** What a row calls each geometry. */
export const GEOMETRY_LABELS: Record<TGeometry, string> = {
  bbox: 'Box',
  polygon: 'Polygon',
  polyline: 'Line',
  keypoints: 'Points',
  classification: 'Image class',
  audio_segment: 'Segment',
  video_track: 'Track',
  event: 'Event',
};

/** The class filter's value for "all classes". */
export const ALL_CLASSES = '';
/** The class filter's value for regions whose class the taxonomy does not know (never a valid class id). */
export const UNKNOWN_CLASS = ':unknown';

export interface RegionSearchIndex {
  /** Lowercase ids, matched by prefix. */
  ids: string[];
  /** Lowercase class name, geometry label and attribute values, separated by newlines, matched by substring. */
  texts: string[];
}

/**
 * What a region is found by, lowercase: its class name (nothing for an unknown class), its geometry
 * label, and its attribute values. A boolean attribute that is on contributes its name ("occluded"),
 * since "true" would find every region with any flag set.
 */
export function regionSearchText(region: EditorRegion, klass: TTaxonomyClass | undefined): string {
  const parts: string[] = [klass?.name ?? '', GEOMETRY_LABELS[region.type] ?? region.type];
  for (const id in region.attributes) {
    const value = region.attributes[id];
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    else if (value === true) parts.push(klass?.attributes.find((a) => a.id === id)?.name ?? id);
  }
  return parts.join('\n').toLowerCase();
}

export function buildSearchIndex(regions: readonly EditorRegion[], classes: readonly TTaxonomyClass[]): RegionSearchIndex {
  const byId = new Map(classes.map((c) => [c.id, c]));
  const ids = new Array<string>(regions.length);
  const texts = new Array<string>(regions.length);
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i]!;
    ids[i] = region.id.toLowerCase();
    texts[i] = regionSearchText(region, byId.get(region.classId));
  }
  return { ids, texts };
}

/**
 * The indexes (into `regions`, ascending, i.e. in z-order) of the regions that match: of class
 * `classId` (ALL_CLASSES for any, UNKNOWN_CLASS for a class the taxonomy lacks) and, for every
 * whitespace-separated term of `query` (case-insensitive), whose id starts with the term or whose
 * search text contains it. Pass the `index` built for these regions to skip rebuilding it.
 */
export function filterRegions(
  regions: readonly EditorRegion[],
  classes: readonly TTaxonomyClass[],
  query: string,
  classId: string,
  index: RegionSearchIndex = buildSearchIndex(regions, classes),
): number[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const known = classId === UNKNOWN_CLASS ? new Set(classes.map((c) => c.id)) : null;
  const out: number[] = [];
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i]!;
    if (known ? known.has(region.classId) : classId !== ALL_CLASSES && region.classId !== classId) continue;
    let match = true;
    for (const term of terms) {
      if (!index.ids[i]!.startsWith(term) && !index.texts[i]!.includes(term)) {
        match = false;
        break;
      }
    }
    if (match) out.push(i);
  }
  return out;
}

/** How many regions each class id has (unknown ids included, as themselves). */
export function countByClass(regions: readonly EditorRegion[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of regions) counts.set(r.classId, (counts.get(r.classId) ?? 0) + 1);
  return counts;
}
