'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { buildUrl, callApi, errorMessage } from '@/lib/api/client';
import { downloadSnapshotExport, getSnapshot, requestSnapshotExport } from '@/lib/api/operations/snapshots';
import { EXPORT_FORMATS, type TExportFormat, type TSnapshotView } from '@/lib/schemas/snapshot';
import { formatBytes } from '../assets/asset-format';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, Select } from '../ui/field';
import { formatRelative } from '../ui/format';
import { Notice } from '../ui/states';
import { EXPORT_FORMAT_INFO } from './export-formats';

/** Ask for the snapshot in a format, watch it build, download it. */
export function ExportPanel({ slug, snapshot }: { slug: string; snapshot: TSnapshotView }) {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<TExportFormat>('coco');
  const [includeMedia, setIncludeMedia] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function request(body: { format: TExportFormat; includeMedia: boolean }) {
    setPending(true);
    setFailure(null);
    try {
      await callApi(requestSnapshotExport, { params: { projectId: slug, version: snapshot.version }, body });
      await queryClient.invalidateQueries({ queryKey: [getSnapshot.id] });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Format" className="w-72" hint={EXPORT_FORMAT_INFO[format].description}>
          <Select value={format} onChange={(e) => setFormat(e.target.value as TExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_INFO[f].name}
              </option>
            ))}
          </Select>
        </Field>
        <label className="mb-6 flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" checked={includeMedia} onChange={(e) => setIncludeMedia(e.target.checked)} />
          Include the media files
        </label>
        <Button className="mb-5" variant="primary" pending={pending} onClick={() => void request({ format, includeMedia })}>
          Export
        </Button>
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      {snapshot.exports.length === 0 ? (
        <p className="text-sm text-zinc-500">No exports yet. Each is built once and can then be downloaded as often as needed.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200" aria-label="Exports">
          {snapshot.exports.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm" data-testid="export-row">
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
                  <span className="font-mono text-xs text-zinc-400" title={e.sha256 ?? ''}>
                    sha256 {e.sha256?.slice(0, 12)}
                  </span>
                  <a
                    className="ml-auto text-sm font-medium text-accent-700 hover:underline"
                    href={buildUrl(downloadSnapshotExport.path, { projectId: slug, version: snapshot.version, exportId: e.id })}
                    download
                  >
                    Download
                  </a>
                </>
              ) : e.status === 'FAILED' ? (
                <>
                  <Badge tone="red">failed</Badge>
                  <span className="flex-1 text-xs text-red-700">{e.error}</span>
                  <Button size="sm" onClick={() => void request({ format: e.format, includeMedia: e.includeMedia })}>
                    Try again
                  </Button>
                </>
              ) : (
                <Progress done={e.done} total={e.total} queued={e.status === 'QUEUED'} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
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
