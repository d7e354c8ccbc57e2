import { boxOnFrame, type Track } from '@/lib/annotate/video/tracks';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { FrameBox } from './video-overlay';

/** The boxes of one frame as the overlay draws them: every track present there, in document order. */
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
    const box = boxOnFrame(track, frame);
    if (!box) return;
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
      occluded: box.state === 'occluded',
      editable: state.editable && !track.locked,
      diff: state.diff?.get(track.id) ?? null,
    });
  });
  return boxes;
}
