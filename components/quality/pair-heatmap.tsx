import type { TPerson } from '@/lib/schemas/workflow';
import type { TQualityReportBody } from '@/lib/schemas/quality';
import { MatrixTable } from './matrix-table';
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
  const annotators = ids.map((id) => ({ key: id, name: nameOf.get(id) ?? id })).sort((x, y) => x.name.localeCompare(y.name));
  const pairOf = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (annotators.length < 2) return <p className="text-sm text-zinc-500">No two annotators labeled the same items.</p>;
  return (
    <MatrixTable
      axis={annotators.map((a) => ({ ...a, short: a.name.split(' ')[0] }))}
      label="Agreement per annotator pair"
      testId="pair-heatmap"
      caption="α per pair over the items both labeled; click a cell for its items."
      cell={(i, j) => {
        const [row, col] = [annotators[i]!, annotators[j]!];
        const pair = i === j ? undefined : pairOf(row.key, col.key);
        if (!pair) return <div className="size-14 rounded bg-zinc-50" />;
        return (
          <button
            type="button"
            onClick={() => onPick([row.key, col.key])}
            title={`${row.name} × ${col.name}: α ${formatAlpha(pair.alpha)}, ${formatInterval(pair.alpha)}, ${pair.tasks} items`}
            className="flex size-14 flex-col items-center justify-center rounded hover:ring-2 hover:ring-accent-500"
            style={{ background: alphaFill(pair.alpha.value) }}
          >
            <span className="text-sm font-semibold text-zinc-900 tabular-nums">{formatAlpha(pair.alpha)}</span>
            <span className="text-[10px] text-zinc-600">{pair.tasks} items</span>
          </button>
        );
      }}
    />
  );
}
