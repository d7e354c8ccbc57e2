import type { TQualityReportBody } from '@/lib/schemas/quality';
import { MatrixTable } from './matrix-table';

type Confusion = TQualityReportBody['confusion'][number];

/**
 * How often one annotator's answer met another's (symmetric: each pair counted in both cells).
 * "No region" is an object only the other annotator drew. An off-diagonal cell lists its items.
 */
export function ConfusionMatrix({ confusion, onPick }: { confusion: Confusion; onPick: (classId: string) => void }) {
  const max = Math.max(1, ...confusion.counts.flat());
  const { categories } = confusion;
  return (
    <MatrixTable
      axis={categories.map((c) => ({ key: c.classId ?? 'none', name: c.name }))}
      label="Confusion between annotators"
      testId="confusion-matrix"
      caption="Green: both said the same. Red: they disagreed; “no region” means only one of them drew the object."
      cell={(i, j) => {
        const count = confusion.counts[i]![j]!;
        const diagonal = i === j;
        const share = count / max;
        const background =
          count === 0 ? '#fafafa' : diagonal ? `rgba(16,185,129,${0.12 + share * 0.6})` : `rgba(239,68,68,${0.12 + share * 0.6})`;
        const target = categories[i]!.classId ?? categories[j]!.classId;
        return (
          <button
            type="button"
            disabled={diagonal || count === 0 || target === null}
            onClick={() => target && onPick(target)}
            className="size-12 rounded text-xs font-medium text-zinc-900 tabular-nums enabled:hover:ring-2 enabled:hover:ring-accent-500"
            style={{ background }}
            title={`${categories[i]!.name} ↔ ${categories[j]!.name}: ${count}`}
          >
            {count || ''}
          </button>
        );
      }}
    />
  );
}
