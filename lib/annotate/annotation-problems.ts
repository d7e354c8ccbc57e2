import type { TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import { segmentProblems } from './audio/segment-problems';
import { regionProblems, type RegionProblem } from './validate-regions';

/**
 * Every problem of an annotation: the general rules for any region, and for audio segments the rules
 * that need the file's duration. The editors show them; the server refuses on them (check-regions.ts).
 */
export function annotationProblems(
  regions: readonly TRegion[],
  classes: readonly TTaxonomyClass[],
  media: { durationSec: number | null },
): RegionProblem[] {
  const general = regionProblems(regions, classes);
  if (!regions.some((r) => r.type === 'audio_segment')) return general;
  return [...general, ...segmentProblems(regions, classes, media.durationSec)];
}
