import type { TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import { segmentProblems } from './audio/segment-problems';
import { regionProblems, type RegionProblem } from './validate-regions';
import { trackProblems } from './video/track-problems';

/**
 * Every problem of an annotation: the general rules for any region, for audio segments the rules
 * that need the file's duration, for video tracks and events those that need its frame count. The
 * editors show them; the server refuses on them (check-regions.ts).
 */
export function annotationProblems(
  regions: readonly TRegion[],
  classes: readonly TTaxonomyClass[],
  media: { durationSec: number | null; frameCount: number | null },
): RegionProblem[] {
  const problems = regionProblems(regions, classes);
  if (regions.some((r) => r.type === 'audio_segment')) problems.push(...segmentProblems(regions, classes, media.durationSec));
  if (regions.some((r) => r.type === 'video_track' || r.type === 'event'))
    problems.push(...trackProblems(regions, classes, media.frameCount));
  return problems;
}
