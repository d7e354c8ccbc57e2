import type { TQualityReportBody } from '@/lib/schemas/quality';

type Confusion = TQualityReportBody['confusion'][number];

/**
 * How often one annotator's answer met another's (symmetric: each pair counted in both cells).
 * "No region" is an object only the other annotator drew. An off-diagonal cell lists its items.
 */
export function ConfusionMatrix({ confusion, onPick }: { confusion: Confusion; onPick: (classId: string) => void }) {
  const max = Math.max(1, ...confusion.counts.flat());
  return (
    <figure aria-label="Confusion between annotators" data-testid="confusion-matrix" className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs">
        <thead>
          <tr>
            <th />
            {confusion.categories.map((c) => (
              <th
                key={c.classId ?? 'none'}
                scope="col"
                className="w-12 px-0.5 pb-1 align-bottom leading-tight font-medium text-zinc-600"
              >
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.categories.map((row, i) => (
            <tr key={row.classId ?? 'none'}>
              <th scope="row" className="pr-2 text-right font-medium whitespace-nowrap text-zinc-600">
                {row.name}
              </th>
              {confusion.counts[i]!.map((count, j) => {
                const diagonal = i === j;
                const share = count / max;
                const background =
                  count === 0
                    ? '#fafafa'
                    : diagonal
                      ? `rgba(16,185,129,${0.12 + share * 0.6})`
                      : `rgba(239,68,68,${0.12 + share * 0.6})`;
                const target = row.classId ?? confusion.categories[j]!.classId;
                return (
                  <td key={j} className="p-0">
                    <button
                      type="button"
                      disabled={diagonal || count === 0 || target === null}
                      onClick={() => target && onPick(target)}
                      className="size-12 rounded text-xs font-medium text-zinc-900 tabular-nums enabled:hover:ring-2 enabled:hover:ring-accent-500"
                      style={{ background }}
                      title={`${row.name} ↔ ${confusion.categories[j]!.name}: ${count}`}
                    >
                      {count || ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="mt-1 text-[11px] text-zinc-500">
        Green: both said the same. Red: they disagreed; “no region” means only one of them drew the object.
      </figcaption>
    </figure>
  );
}
