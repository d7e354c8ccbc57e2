'use client';

import { buildUrl } from '@/lib/api/client';
import { downloadSnapshotExport } from '@/lib/api/operations/snapshots';
import type { TExportView } from '@/lib/schemas/snapshot';
import { formatBytes } from '../assets/asset-format';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { formatRelative } from '../ui/format';
import { EXPORT_FORMAT_INFO } from './export-formats';

/**
 * One export and what can be done with it: download or expire a ready one (its zip is removed, its
 * sha256 and size stay), rebuild an expired one (the same bytes again), try a failed one again, or
 * watch one build.
 */
export function ExportRow({
  slug,
  version,
  item: e,
  busy,
  onRequest,
  onExpire,
}: {
  slug: string;
  version: number;
  item: TExportView;
  busy: boolean;
  onRequest: () => void;
  onExpire: () => void;
}) {
  const sha = (
    <span className="font-mono text-xs text-zinc-400" title={e.sha256 ?? ''}>
      sha256 {e.sha256?.slice(0, 12)}
    </span>
  );
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm" data-testid="export-row" data-status={e.status}>
      <span className="w-44 font-medium text-zinc-900">
        {EXPORT_FORMAT_INFO[e.format].name}
        {e.includeMedia && <span className="ml-1 text-xs font-normal text-zinc-500">+ media</span>}
      </span>
      {e.status === 'READY' ? (
        <>
          <Badge tone="green">ready</Badge>
          <span className="text-xs text-zinc-500 tabular-nums">
            {formatBytes(e.bytes)} · {formatRelative(e.readyAt)}
          </span>
          {sha}
          <a
            className="ml-auto text-sm font-medium text-accent-700 hover:underline"
            href={buildUrl(downloadSnapshotExport.path, { projectId: slug, version, exportId: e.id })}
            download
          >
            Download
          </a>
          <Button
            size="sm"
            variant="ghost"
            pending={busy}
            onClick={onExpire}
            title="Remove the zip to save space; Rebuild makes the same bytes again"
          >
            Expire
          </Button>
        </>
      ) : e.status === 'EXPIRED' ? (
        <>
          <Badge tone="neutral">expired</Badge>
          <span className="text-xs text-zinc-500">
            File removed {formatRelative(e.expiredAt)}; a rebuild gives the same {formatBytes(e.bytes)} again
          </span>
          {sha}
          <Button className="ml-auto" size="sm" pending={busy} onClick={onRequest}>
            Rebuild
          </Button>
        </>
      ) : e.status === 'FAILED' ? (
        <>
          <Badge tone="red">failed</Badge>
          <span className="flex-1 text-xs text-red-700">{e.error}</span>
          <Button size="sm" pending={busy} onClick={onRequest}>
            Try again
          </Button>
        </>
      ) : (
        <Progress done={e.done} total={e.total} queued={e.status === 'QUEUED'} />
      )}
    </li>
  );
}

function Progress({ done, total, queued }: { done: number; total: number; queued: boolean }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <span className="flex flex-1 items-center gap-2">
      <span
        className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-100"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <span className="block h-full rounded-full bg-accent-500 transition-[width]" style={{ width: `${share * 100}%` }} />
      </span>
      <span className="w-24 text-xs text-zinc-500 tabular-nums">
        {queued ? 'waiting…' : `building ${Math.round(share * 100)} %`}
      </span>
    </span>
  );
}
