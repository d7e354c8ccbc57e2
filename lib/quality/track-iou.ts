import type { TTrackKeyframe } from '../schemas/geometry';
import { forEachTrackFrame, trackExtent, type TrackBox } from '../tracks/interpolate-track';
import { boxIou, segmentIou } from './region-match';

// Agreement of two video tracks: box IoU frame by frame along both, averaged over every frame where at
// least one of them is present (a frame only one annotator tracked scores 0).

/** IoU of the two tracks' frame ranges (inclusive), a cheap pre-filter. */
export function trackTemporalIou(a: readonly TTrackKeyframe[], b: readonly TTrackKeyframe[]): number {
  const [startA, endA] = trackExtent(a);
  const [startB, endB] = trackExtent(b);
  return segmentIou([startA, endA + 1], [startB, endB + 1]);
}

function framesOf(keyframes: readonly TTrackKeyframe[]): Map<number, TrackBox> {
  const frames = new Map<number, TrackBox>();
  forEachTrackFrame(keyframes, (frame, box) => frames.set(frame, box));
  return frames;
}

export function trackIou(a: readonly TTrackKeyframe[], b: readonly TTrackKeyframe[]): number {
  if (trackTemporalIou(a, b) === 0) return 0;
  const framesB = framesOf(b);
  let sum = 0;
  let union = framesB.size;
  forEachTrackFrame(a, (frame, box) => {
    const other = framesB.get(frame);
    if (other) sum += boxIou(box, other);
    else union++;
  });
  return union > 0 ? sum / union : 0;
}
