import type { TPerson } from '@/lib/schemas/workflow';
import type { TQualityReportBody } from '@/lib/schemas/quality';
import { alphaFill, formatAlpha, formatInterval } from './quality-format';

type Pair = TQualityReportBody['pairs'][number];

/** α of every annotator pair that labeled items in common; a cell lists that pair's items. */
export function PairHeatmap({
  pairs,
  people,
  onPick,
}: {
  pairs: readonly Pair[];
  people: readonly TPerson[];
  onPick: (pair: [string, string]) => void;
}) {
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const annotators = ids.map((id) => ({ id, name: nameOf.get(id) ?? id })).sort((x, y) => x.name.localeCompare(y.name));
  const pairOf = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (annotators.length < 2) return <p className="text-sm text-zinc-500">No two annotators labeled the same items.</p>;
  return (
    <figure aria-label="Agreement per annotator pair" data-testid="pair-heatmap">
      <table className="border-separate border-spacing-0.5 text-xs">
        <thead>
          <tr>
            <th />
            {annotators.map((a) => (
              <th key={a.id} scope="col" className="max-w-20 truncate px-1 pb-1 font-medium text-zinc-600" title={a.name}>
                {a.name.split(' ')[0]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {annotators.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="pr-2 text-right font-medium whitespace-nowrap text-zinc-600">
                {row.name}
              </th>
              {annotators.map((col) => {
                const pair = row.id === col.id ? undefined : pairOf(row.id, col.id);
                if (!pair) return <td key={col.id} className="size-14 rounded bg-zinc-50" />;
                return (
                  <td key={col.id} className="p-0">
                    <button
                      type="button"
                      onClick={() => onPick([row.id, col.id])}
                      title={`${row.name} × ${col.name}: α ${formatAlpha(pair.alpha)}, ${formatInterval(pair.alpha)}, ${pair.tasks} items`}
                      className="flex size-14 flex-col items-center justify-center rounded hover:ring-2 hover:ring-accent-500"
                      style={{ background: alphaFill(pair.alpha.value) }}
                    >
                      <span className="text-sm font-semibold text-zinc-900 tabular-nums">{formatAlpha(pair.alpha)}</span>
                      <span className="text-[10px] text-zinc-600">{pair.tasks} items</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="mt-1 text-[11px] text-zinc-500">
        α per pair over the items both labeled; click a cell for its items.
      </figcaption>
    </figure>
  );
}
