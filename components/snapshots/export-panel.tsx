'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi, errorMessage } from '@/lib/api/client';
import { expireSnapshotExport, getSnapshot, requestSnapshotExport } from '@/lib/api/operations/snapshots';
import { EXPORT_FORMATS, type TExportFormat, type TExportView, type TSnapshotView } from '@/lib/schemas/snapshot';
import { Button } from '../ui/button';
import { Field, Select } from '../ui/field';
import { Notice } from '../ui/states';
import { EXPORT_FORMAT_INFO } from './export-formats';
import { ExportRow } from './export-row';

/** Ask for the snapshot in a format, watch it build, download it; expire old files and rebuild them. */
export function ExportPanel({ slug, snapshot }: { slug: string; snapshot: TSnapshotView }) {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<TExportFormat>('coco');
  const [includeMedia, setIncludeMedia] = useState(false);
  // What is being sent: 'new' for the Export button, else the export's id.
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(key: string, call: () => Promise<unknown>) {
    setPending(key);
    setFailure(null);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: [getSnapshot.id] });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(null);
    }
  }
  const params = { projectId: slug, version: snapshot.version };
  const request = (key: string, body: { format: TExportFormat; includeMedia: boolean }) =>
    act(key, () => callApi(requestSnapshotExport, { params, body }));
  const expire = (e: TExportView) => act(e.id, () => callApi(expireSnapshotExport, { params: { ...params, exportId: e.id } }));

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
        <Button
          className="mb-5"
          variant="primary"
          pending={pending === 'new'}
          onClick={() => void request('new', { format, includeMedia })}
        >
          Export
        </Button>
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      {snapshot.exports.length === 0 ? (
        <p className="text-sm text-zinc-500">No exports yet. Each is built once and can then be downloaded as often as needed.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200" aria-label="Exports">
          {snapshot.exports.map((e) => (
            <ExportRow
              key={e.id}
              slug={slug}
              version={snapshot.version}
              item={e}
              busy={pending === e.id}
              onRequest={() => void request(e.id, { format: e.format, includeMedia: e.includeMedia })}
              onExpire={() => void expire(e)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
