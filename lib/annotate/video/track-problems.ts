import type { TTaxonomyClass } from '../../schemas/taxonomy';
import type { TRegion } from '../../schemas/workflow';
import { polygonArea } from '../../tracks/polygon-bounds';
import type { EditorRegion } from '../patch';
import type { RegionProblem } from '../validate-regions';
import { isEvent } from './events';
import { isTrack, type Track } from './tracks';

// What holds back the submit of a video annotation beyond the general rules (validate-regions.ts,
// which checks the stored shapes): a track keyframe or an event past the video's last frame (drawn
// against another proxy, or a frame map that changed), and a track whose box has no area on a
// keyframe where the object is in view (a click that became a keyframe), or such a polygon. Each can be fixed, or
// marked intentional by the annotator (`intentional: true` on the region), which silences it, as
// for audio segments (../audio/segment-problems.ts). The editor shows them as the annotator works;
// the server refuses a submit with any.

/** Less area than this (normalized: a hundredth of a pixel on a 1000 px frame) is none, as for polygons. */
const MIN_BOX_AREA = 1e-10;

export function trackProblems(
  regions: readonly TRegion[],
  classes: readonly TTaxonomyClass[],
  frameCount: number | null,
): RegionProblem[] {
  const names = new Map(classes.map((c) => [c.id, c.name]));
  const last = frameCount === null ? null : frameCount - 1;
  const problems: RegionProblem[] = [];
  regions.forEach((region, index) => {
    const r = region as EditorRegion;
    if (r.intentional) return;
    const report = (field: string | null, message: string) =>
      problems.push({ regionId: r.id, index, field, message, blocking: 'submit' });
    if (isTrack(r)) checkTrack(r, names.get(r.classId) ?? 'Object', last, report);
    else if (isEvent(r) && last !== null && r.end > last) {
      const label = `${names.get(r.classId) ?? 'Event'} event at frame ${r.start}`;
      report('end', `${label} ends after the video does (frame ${r.end}; the last is ${last})`);
    }
  });
  return problems;
}

function checkTrack(
  track: Track,
  name: string,
  last: number | null,
  report: (field: string | null, message: string) => void,
): void {
  const label = `${name} track from frame ${track.keyframes[0]!.frame}`;
  // Any keyframe counts, `outside` ones too: a stored track should name no frame the video lacks.
  const past = last === null ? undefined : track.keyframes.find((k) => k.frame > last);
  if (past) report('keyframes', `${label} has a keyframe after the video's end (frame ${past.frame}; the last is ${last})`);
  // An `outside` keyframe's shape is never drawn, so only shapes in view must have an area.
  const flat = track.keyframes.find(
    (k) => k.state !== 'outside' && (k.points ? polygonArea(k.points) : k.w * k.h) < MIN_BOX_AREA,
  );
  if (flat) report('keyframes', `${label} has a ${flat.points ? 'polygon' : 'box'} with no area at frame ${flat.frame}`);
}
