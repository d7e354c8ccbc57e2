import { geometryOf } from '../schemas/geometry';
import { forEachTrackFrame } from '../tracks/interpolate-track';
import type { CreateWriter } from './format-writer';
import { classIndexById, formatNumber, pixelSize, safeBase, textLines } from './text-format';

// MOTChallenge ground truth: mot/<base>/gt/gt.txt and mot/<base>/seqinfo.ini per video with a known
// size (MOT boxes are pixels). Every frame a track is present on is written, interpolated between
// keyframes; frames after an 'outside' keyframe are absent. Our frames are 0-based, MOT's 1-based.
// Written: video_track regions; a polygon track as its polygon's bounding box on each frame (MOT
// knows only boxes; the polygons themselves are in the JSONL export). Skipped: events and every
// other region type, tracks whose class is not in the pinned taxonomy, and frames past frameCount
// (evaluators size sequences by seqLength).
// Track ids are the 1-based position among the item's video_track regions, counting skipped ones,
// so an id never shifts when another track is dropped.

const VISIBILITY = { visible: '1', occluded: '0.5' } as const;

export const createMotWriter: CreateWriter = (ctx) => {
  const classIndex = classIndexById(ctx.classes);
  return {
    item(item) {
      const size = pixelSize(item);
      if (item.kind !== 'VIDEO' || !size) return [];
      const base = safeBase(item);
      const limit = item.frameCount ?? Infinity;
      const rows: { frame: number; track: number; text: string }[] = [];
      let track = 0;
      let lastFrame = -1;
      for (const region of item.regions) {
        if (region.type !== 'video_track') continue;
        track++;
        const c = classIndex.get(region.classId);
        const geometry = geometryOf('video_track', region);
        if (c === undefined || !geometry) continue;
        forEachTrackFrame(geometry.keyframes, (frame, box) => {
          if (frame >= limit) return;
          lastFrame = Math.max(lastFrame, frame);
          const px = [box.x * size.width, box.y * size.height, box.w * size.width, box.h * size.height];
          const fields = [frame + 1, track, ...px.map((v) => formatNumber(v, 2)), 1, c + 1, VISIBILITY[box.state]];
          rows.push({ frame, track, text: fields.join(',') });
        });
      }
      rows.sort((a, b) => a.frame - b.frame || a.track - b.track);
      const seqinfo = [
        '[Sequence]',
        `name=${base}`,
        ...(item.fps ? [`frameRate=${formatNumber(item.fps, 3)}`] : []),
        `seqLength=${item.frameCount ?? lastFrame + 1}`,
        `imWidth=${size.width}`,
        `imHeight=${size.height}`,
        'imExt=.jpg',
      ];
      return [
        { path: `mot/${base}/gt/gt.txt`, content: textLines(rows.map((r) => r.text)) },
        { path: `mot/${base}/seqinfo.ini`, content: textLines(seqinfo) },
      ];
    },
    finish: () => [],
  };
};
