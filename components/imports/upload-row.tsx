import { formatBytes } from '../assets/asset-format';
import { Button } from '../ui/button';
import { Countdown } from './countdown';
import { ItemOutcome } from './item-outcome';
import { ProgressBar } from './progress-bar';
import type { UploadRow as Row } from './upload-queue';
import type { BatchState } from './use-batch-watch';

export function UploadRow({
  slug,
  row,
  state,
  onRetry,
}: {
  slug: string;
  row: Row;
  state: BatchState | undefined;
  onRetry: () => void;
}) {
  const fraction = row.size === 0 ? (row.phase === 'done' ? 1 : 0) : row.sent / row.size;
  return (
    <li
      className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-4 px-3 py-2"
      data-testid="upload-row"
      data-name={row.name}
    >
      <div className="min-w-0">
        <p className="truncate text-sm text-zinc-900" title={row.path}>
          {row.path}
        </p>
        <p className="text-xs text-zinc-500 tabular-nums">
          {formatBytes(row.size)}
          {row.resumed && ' · resumed'}
        </p>
      </div>
      <div className="min-w-0">
        {row.phase === 'done' ? (
          <ItemOutcome slug={slug} assetId={row.assetId} status={row.importStatus ?? 'ACCEPTED'} state={state} />
        ) : row.phase === 'failed' ? (
          <div className="flex items-center gap-2">
            <span className="text-xs text-red-700" role="alert">
              {row.message}
            </span>
            {/* "Retry to continue from where it stopped" only reassures if the row says where that is. */}
            {fraction > 0 && (
              <span className="shrink-0 text-xs text-zinc-500 tabular-nums">stopped at {Math.floor(fraction * 100)}%</span>
            )}
            <Button size="sm" onClick={onRetry}>
              Retry
            </Button>
          </div>
        ) : row.phase === 'waiting' ? (
          <p className="text-xs text-amber-800">
            The pipeline is busy, retrying in <Countdown at={row.retryAt ?? Date.now()} /> s
          </p>
        ) : (
          <div className="flex items-center gap-2">
            <ProgressBar value={fraction} label={`Upload of ${row.name}`} />
            <span className="w-24 shrink-0 text-right text-xs text-zinc-500 tabular-nums">
              {row.phase === 'queued' ? 'queued' : `${Math.floor(fraction * 100)}%`}
            </span>
          </div>
        )}
      </div>
    </li>
  );
}
