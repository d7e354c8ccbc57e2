'use client';

import { formatBytes, formatRate } from '../assets/asset-format';
import { isSettled } from '../assets/stage-badge';
import { ProgressBar } from './progress-bar';
import type { QueueSnapshot, UploadRow as Row } from './upload-queue';
import { UploadRow } from './upload-row';
import { useBatchWatch } from './use-batch-watch';

/** The overall progress of every upload on this page, then one group per drop (newest first), each file live. */
export function UploadList({
  slug,
  snapshot,
  onRetry,
}: {
  slug: string;
  snapshot: QueueSnapshot;
  onRetry: (id: string) => void;
}) {
  const groups = new Map<string, Row[]>();
  for (const row of snapshot.rows) groups.set(row.batchId, [...(groups.get(row.batchId) ?? []), row]);
  const batchIds = [...groups.keys()].reverse();
  const busy = new Set(snapshot.rows.filter((r) => r.phase !== 'done' && r.phase !== 'failed').map((r) => r.batchId));
  // A batch is followed until every file uploaded into it shows a final stage: a tiny file can finish
  // uploading between two polls, when the batch still looked empty (and so settled).
  const watches = useBatchWatch(slug, batchIds, (batchId, state) =>
    (groups.get(batchId) ?? []).some(
      (r) =>
        (r.phase !== 'done' && r.phase !== 'failed') ||
        (r.phase === 'done' &&
          r.importStatus !== 'DUPLICATE' &&
          r.assetId !== null &&
          !isSettled(state?.assets.get(r.assetId)?.stage ?? 'RAW')),
    ),
  );

  const total = snapshot.rows.reduce((sum, r) => sum + r.size, 0);
  const sent = snapshot.rows.reduce((sum, r) => sum + (r.phase === 'done' ? r.size : r.sent), 0);
  const done = snapshot.rows.filter((r) => r.phase === 'done').length;
  const failed = snapshot.rows.filter((r) => r.phase === 'failed').length;
  if (snapshot.rows.length === 0) return null;

  return (
    <div className="space-y-3">
      <div className="space-y-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 shadow-xs" data-testid="upload-overall">
        <div className="flex justify-between text-xs text-zinc-600 tabular-nums">
          <span>
            {done} of {snapshot.rows.length} files uploaded
            {failed > 0 && <span className="text-red-700"> · {failed} failed</span>}
          </span>
          <span>
            {formatBytes(sent)} of {formatBytes(total)}
            {busy.size > 0 && ` · ${formatRate(snapshot.rate)}`}
          </span>
        </div>
        <ProgressBar
          value={total === 0 ? 1 : sent / total}
          label="All uploads"
          tone={done === snapshot.rows.length ? 'green' : 'accent'}
        />
      </div>
      {batchIds.map((batchId, i) => {
        const watch = watches[i];
        const rows = groups.get(batchId) ?? [];
        const stages = watch?.data?.batch.stages;
        return (
          <section
            key={batchId}
            className="rounded-lg border border-zinc-200 bg-white shadow-xs"
            data-testid="upload-batch"
            data-batch-id={batchId}
          >
            <header className="flex items-center justify-between border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500">
              <span>
                Batch of {rows.length} {rows.length === 1 ? 'file' : 'files'}
              </span>
              {stages && (
                <span className="tabular-nums" data-testid="batch-stages">
                  {stages.READY} ready · {stages.RAW + stages.STAGED} processing · {stages.QUARANTINED} quarantined
                  {watch.data?.batch.items.duplicate ? ` · ${watch.data.batch.items.duplicate} duplicate` : ''}
                </span>
              )}
            </header>
            <ul className="divide-y divide-zinc-100">
              {rows.map((row) => (
                <UploadRow key={row.id} slug={slug} row={row} state={watch?.data} onRetry={() => onRetry(row.id)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
