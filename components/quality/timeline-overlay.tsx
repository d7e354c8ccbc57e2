import { geometryOf } from '@/lib/schemas/geometry';
import type { OverlayRegion } from './region-overlay';

/** The span of a temporal region: seconds for audio segments, frames for events and tracks. */
function spanOf(region: OverlayRegion): [number, number] | null {
  if (region.type === 'audio_segment') {
    const g = geometryOf('audio_segment', region);
    return g && [g.start, g.end];
  }
  if (region.type === 'event') {
    const g = geometryOf('event', region);
    return g && [g.start, g.end + 1];
  }
  if (region.type === 'video_track') {
    const g = geometryOf('video_track', region);
    return g && [Math.min(...g.keyframes.map((k) => k.frame)), Math.max(...g.keyframes.map((k) => k.frame)) + 1];
  }
  return null;
}

/** Each annotator's segments, events and tracks as bars on one time line, a row per annotator. */
export function TimelineOverlay({
  sides,
  highlight,
  classColor,
}: {
  sides: readonly { name: string; color: string; regions: readonly OverlayRegion[] }[];
  highlight: ReadonlySet<string>;
  classColor: (classId: string) => string;
}) {
  const spans = sides.map((side) => side.regions.flatMap((r) => (spanOf(r) ? [{ region: r, span: spanOf(r)! }] : [])));
  const end = Math.max(1, ...spans.flat().map((s) => s.span[1]));
  if (spans.every((s) => s.length === 0)) return <p className="text-sm text-zinc-500">No segments, events or tracks to show.</p>;
  return (
    <div className="space-y-2" data-testid="timeline-overlay">
      {sides.map((side, s) => (
        <div key={side.name}>
          <p className="text-xs font-medium" style={{ color: side.color }}>
            {side.name}
          </p>
          <div className="relative h-7 rounded bg-zinc-100">
            {spans[s]!.map(({ region, span }) => (
              <div
                key={region.id}
                title={`${region.classId} ${span[0]}–${span[1]}`}
                className="absolute top-1 bottom-1 rounded-sm border"
                style={{
                  left: `${(span[0] / end) * 100}%`,
                  width: `${Math.max(0.4, ((span[1] - span[0]) / end) * 100)}%`,
                  background: classColor(region.classId),
                  opacity: highlight.size === 0 || highlight.has(`${s}:${region.id}`) ? 0.9 : 0.35,
                  borderColor: side.color,
                }}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
