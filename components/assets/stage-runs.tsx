import type { TAssetDetail } from '@/lib/schemas/asset';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { EmptyState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { formatMs } from './asset-format';

const OUTCOME_TONES = { OK: 'green', QUARANTINED: 'red', ERROR: 'amber' } as const;

/** The jobs that worked on the asset, in order, with a bar per run scaled to the slowest one. */
export function StageRuns({ runs }: { runs: TAssetDetail['stageRuns'] }) {
  if (runs.length === 0)
    return <EmptyState title="No stage runs yet">The first job starts as soon as a worker is free.</EmptyState>;
  const slowest = Math.max(1, ...runs.map((r) => r.durationMs));
  return (
    <Table head={['Stage', 'Attempt', 'Outcome', 'Duration', 'Tools', 'Started', 'Error']} label="Stage runs">
      {runs.map((r) => (
        <tr key={`${r.jobId}-${r.attempt}-${r.startedAt}`} className="align-top">
          <Td className="font-medium">{r.stage}</Td>
          <Td className="tabular-nums">{r.attempt}</Td>
          <Td>
            <Badge tone={OUTCOME_TONES[r.outcome]}>{r.outcome.toLowerCase()}</Badge>
          </Td>
          <Td className="w-48">
            <div className="flex items-center gap-2">
              <div className="h-2 flex-1 rounded bg-zinc-100" aria-hidden>
                <div className="h-2 rounded bg-accent-500" style={{ width: `${Math.max(2, (r.durationMs / slowest) * 100)}%` }} />
              </div>
              <span className="w-16 text-right text-xs tabular-nums">{formatMs(r.durationMs)}</span>
            </div>
          </Td>
          <Td className="text-xs text-zinc-600">
            {Object.entries(r.tools)
              .map(([tool, version]) => `${tool} ${version}`)
              .join(', ') || '—'}
          </Td>
          <Td className="text-xs whitespace-nowrap text-zinc-600">{formatDateTime(r.startedAt)}</Td>
          <Td className="max-w-64 text-xs break-words text-red-700">{r.error ?? ''}</Td>
        </tr>
      ))}
    </Table>
  );
}
