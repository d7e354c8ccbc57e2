import type { TQualityFamily, TQualityReportBody } from '@/lib/schemas/quality';
import { Badge } from '../ui/badge';
import { cx } from '../ui/cx';
import { alphaVerdict, FAMILY_LABELS, formatAlpha, formatInterval, formatShare, SCORE_LABELS } from './quality-format';

type Overall = TQualityReportBody['overall'][number];

/** One card per region type and taxonomy version: α with its interval, and the detection figures. */
export function SummaryCards({
  overall,
  family,
  onPick,
}: {
  overall: readonly Overall[];
  family: TQualityFamily;
  onPick: (family: TQualityFamily) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="summary-cards">
      {overall.map((o) => (
        <button
          key={`${o.family}-${o.taxonomyVersion}`}
          type="button"
          onClick={() => onPick(o.family)}
          aria-pressed={o.family === family}
          className={cx(
            'rounded-lg border bg-white p-3 text-left shadow-xs hover:border-accent-300',
            o.family === family ? 'border-accent-500 ring-1 ring-accent-500' : 'border-zinc-200',
          )}
        >
          <div className="flex items-center justify-between gap-2 text-xs text-zinc-500">
            <span className="font-medium text-zinc-700">{FAMILY_LABELS[o.family]}</span>
            <span>taxonomy v{o.taxonomyVersion}</span>
          </div>
          <div className="mt-1 flex items-baseline gap-2">
            <span className="text-2xl font-semibold text-zinc-900 tabular-nums" data-testid={`alpha-${o.family}`}>
              α {formatAlpha(o.alpha)}
            </span>
            <Badge tone={alphaVerdict(o.alpha.value).tone}>{alphaVerdict(o.alpha.value).label}</Badge>
          </div>
          <p className="text-[11px] text-zinc-500">
            {o.alpha.value === null ? o.alpha.undefinedReason : formatInterval(o.alpha)}
          </p>
          <dl className="mt-2 grid grid-cols-3 gap-1 text-[11px] text-zinc-500">
            <div>
              <dt>items</dt>
              <dd className="font-medium text-zinc-800 tabular-nums">{o.tasks}</dd>
            </div>
            <div>
              <dt>{o.family === 'classification' ? 'same answer' : 'F1'}</dt>
              <dd className="font-medium text-zinc-800 tabular-nums">
                {formatShare(o.family === 'classification' ? o.percentAgreement : o.f1)}
              </dd>
            </div>
            {SCORE_LABELS[o.family] && (
              <div>
                <dt>mean {SCORE_LABELS[o.family]}</dt>
                <dd className="font-medium text-zinc-800 tabular-nums">{o.meanScore?.toFixed(2) ?? '—'}</dd>
              </div>
            )}
          </dl>
        </button>
      ))}
    </div>
  );
}
