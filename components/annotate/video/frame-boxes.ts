import type { TrackBox } from '@/lib/tracks/interpolate-track';
import { boxOnFrame, type Track } from '@/lib/annotate/video/tracks';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { FrameBox } from './video-overlay';

/**
 * The box a track shows on `frame`: its own (a keyframe or interpolated), or past its last keyframe
 * that keyframe's box, held (drawn faint): moving it, or K, extends the track to this frame, as an
 * annotator following an object forward expects. A track that ended ('outside') holds nothing.
 */
export function shownBox(track: Track, frame: number): (TrackBox & { held: boolean }) | null {
  const box = boxOnFrame(track, frame);
  if (box) return { ...box, held: false };
  const last = track.keyframes[track.keyframes.length - 1]!;
  if (frame < last.frame || last.state === 'outside') return null;
  const shape = { x: last.x, y: last.y, w: last.w, h: last.h, ...(last.points && { points: last.points }) };
  return { ...shape, state: last.state, keyframe: false, held: true };
}

/** The boxes (and polygons) of one frame as the overlay draws them: every track present there, in document order. */
export function frameBoxes(
  tracks: readonly Track[],
  frame: number,
  classes: readonly TTaxonomyClass[],
  state: {
    selected: ReadonlySet<string>;
    editable: boolean;
    diff?: ReadonlyMap<string, FrameBox['diff']>;
  },
): FrameBox[] {
  const byClass = new Map(classes.map((c) => [c.id, c]));
  const boxes: FrameBox[] = [];
  tracks.forEach((track, i) => {
    const box = shownBox(track, frame);
    // A held box is there to be moved on: read-only (a review) it would show an object that is gone.
    if (!box || (box.held && !state.editable)) return;
    const cls = byClass.get(track.classId);
    boxes.push({
      id: track.id,
      x: box.x,
      y: box.y,
      w: box.w,
      h: box.h,
      color: cls?.color ?? '#a1a1aa',
      label: `${cls?.name ?? track.classId} ${i + 1}`,
      selected: state.selected.has(track.id),
      keyframe: box.keyframe,
      held: box.held,
      occluded: box.state === 'occluded',
      editable: state.editable && !track.locked,
      diff: state.diff?.get(track.id) ?? null,
      points: box.points,
    });
  });
  return boxes;
}
