import { geometryOf } from '@/lib/schemas/geometry';

export interface OverlayRegion {
  id: string;
  type: string;
  classId: string;
  [geometry: string]: unknown;
}

/**
 * Two annotators' image regions drawn over the picture in one 0–1 coordinate space: the first
 * solid, the second dashed, each in its own color; the regions of the highlighted pair stand out.
 */
export function RegionOverlay({
  sides,
  highlight,
}: {
  sides: readonly { color: string; dashed: boolean; regions: readonly OverlayRegion[] }[];
  highlight: ReadonlySet<string>;
}) {
  return (
    <svg viewBox="0 0 1 1" preserveAspectRatio="none" className="pointer-events-none absolute inset-0 size-full" aria-hidden>
      {sides.map((side, s) =>
        side.regions.map((region) => {
          const strong = highlight.has(`${s}:${region.id}`);
          const stroke = {
            stroke: side.color,
            fill: strong ? side.color : 'none',
            fillOpacity: 0.18,
            strokeWidth: strong ? 3.5 : 1.75,
            strokeDasharray: side.dashed ? '5 3' : undefined,
            vectorEffect: 'non-scaling-stroke' as const,
          };
          const key = `${s}-${region.id}`;
          if (region.type === 'bbox') {
            const box = geometryOf('bbox', region);
            return box && <rect key={key} x={box.x} y={box.y} width={box.w} height={box.h} {...stroke} />;
          }
          if (region.type === 'polygon') {
            const polygon = geometryOf('polygon', region);
            return polygon && <polygon key={key} points={polygon.points.map((p) => p.join(',')).join(' ')} {...stroke} />;
          }
          if (region.type === 'polyline') {
            const line = geometryOf('polyline', region);
            return line && <polyline key={key} points={line.points.map((p) => p.join(',')).join(' ')} {...stroke} fill="none" />;
          }
          if (region.type === 'keypoints') {
            const keypoints = geometryOf('keypoints', region);
            return (
              keypoints && (
                <g key={key}>
                  {keypoints.points
                    .filter((p) => p.v > 0)
                    .map((p, i) => (
                      <ellipse
                        key={i}
                        cx={p.x}
                        cy={p.y}
                        rx={0.006}
                        ry={0.006}
                        fill={side.color}
                        stroke="#fff"
                        strokeWidth={1}
                        vectorEffect="non-scaling-stroke"
                      />
                    ))}
                </g>
              )
            );
          }
          return null;
        }),
      )}
    </svg>
  );
}
