import { GEOMETRIES, type TGeometry } from '@/lib/schemas/taxonomy';
import { cx } from '../ui/cx';

export const GEOMETRY_LABELS: Record<TGeometry, string> = {
  bbox: 'Box',
  polygon: 'Polygon',
  polyline: 'Polyline',
  keypoints: 'Keypoints',
  classification: 'Classification',
  audio_segment: 'Audio segment',
  video_track: 'Video track',
  event: 'Event',
};

/** Checkbox chips for the geometries a class may be drawn with. */
export function GeometryChips({
  value,
  onChange,
  label,
  disabled,
}: {
  value: TGeometry[];
  onChange: (next: TGeometry[]) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <fieldset className="flex flex-wrap gap-1.5" aria-label={label} disabled={disabled}>
      {GEOMETRIES.map((g) => {
        const checked = value.includes(g);
        return (
          <label
            key={g}
            className={cx(
              'inline-flex cursor-pointer items-center gap-1 rounded-full border px-2 py-0.5 text-xs select-none',
              'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500/40',
              checked
                ? 'border-accent-500 bg-accent-50 text-accent-700'
                : 'border-zinc-300 bg-white text-zinc-600 hover:border-zinc-400',
            )}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={checked}
              onChange={() =>
                onChange(checked ? value.filter((v) => v !== g) : GEOMETRIES.filter((x) => x === g || value.includes(x)))
              }
            />
            {checked && <span aria-hidden>✓</span>}
            {GEOMETRY_LABELS[g]}
          </label>
        );
      })}
    </fieldset>
  );
}
