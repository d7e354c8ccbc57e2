'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { callApi, errorMessage } from '@/lib/api/client';
import { createImport, listImports } from '@/lib/api/operations/imports';
import type { TRole } from '@/lib/schemas/project';
import { ROLE_LABELS } from '../ui/badge';
import { Section } from '../ui/page-header';
import { Notice } from '../ui/states';
import type { PickedFile } from './collect-files';
import { DropZone } from './drop-zone';
import { LabelImportForm } from './label-import-form';
import { ManifestImportForm } from './manifest-import-form';
import { RecentBatches } from './recent-batches';
import { UploadList } from './upload-list';
import { UploadQueue } from './upload-queue';
import { UrlImportForm } from './url-import-form';
import { useUnsavedChangesWarning } from '../use-unsaved-changes-warning';

const EMPTY = { rows: [], rate: 0 };

export function ImportPanel({ slug, canImport, role }: { slug: string; canImport: boolean; role: TRole }) {
  const queryClient = useQueryClient();
  const [queue] = useState(() => new UploadQueue(`/api/v1/projects/${encodeURIComponent(slug)}/uploads`));
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, () => EMPTY);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => queue.dispose(), [queue]);
  const finished = snapshot.rows.filter((r) => r.phase === 'done').length;
  // Each finished file changes its batch's counts in the recent-imports table.
  useEffect(() => {
    if (finished > 0) void queryClient.invalidateQueries({ queryKey: [listImports.id] });
  }, [finished, queryClient]);
  const uploading = snapshot.rows.some((r) => r.phase === 'uploading' || r.phase === 'queued' || r.phase === 'waiting');
  // Leaving stops the uploads (they resume when the same files are dropped again), so ask first.
  useUnsavedChangesWarning(uploading);

  async function addFiles(files: PickedFile[]) {
    setError(null);
    const folder = files[0]?.path.includes('/') ? files[0].path.split('/')[0] : null;
    const label = `${folder ? `${folder}/ · ` : ''}${files.length} ${files.length === 1 ? 'file' : 'files'}`;
    try {
      // Dropping the same files again after a reload resumes them in the batch they began in; a new
      // batch would stay empty in the recent imports, so one is only made for files that start afresh.
      const previous = await Promise.all(files.map(({ file }) => queue.resumableBatchId(file)));
      const resumedBatch = previous.every((id) => id !== null) ? previous[0] : null;
      const batchId =
        resumedBatch ?? (await callApi(createImport, { params: { projectId: slug }, body: { source: 'UPLOAD', label } })).id;
      queue.add(batchId, files);
      await queryClient.invalidateQueries({ queryKey: [listImports.id] });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="space-y-8">
      {canImport ? (
        <>
          <Section
            title="Upload files"
            description="Each drop becomes one import batch. Files move RAW → STAGED → READY, or are quarantined with the reason."
          >
            <DropZone onFiles={(files) => void addFiles(files)} />
            {error && <Notice tone="error">{error}</Notice>}
            <UploadList slug={slug} snapshot={snapshot} onRetry={(id) => queue.retry(id)} />
          </Section>
          <Section title="From URLs" description="The server fetches each URL; private and internal addresses are refused.">
            <UrlImportForm slug={slug} />
          </Section>
          <Section title="Manifest" description="A CSV or JSON Lines file listing URIs with their capture metadata.">
            <ManifestImportForm slug={slug} />
          </Section>
          <Section
            title="Labels"
            description="Boxes, polygons, keypoints and image classes from Loupe JSONL, COCO or Label Studio JSON, matched to this project’s images by content hash or file name, become suggestions that annotators accept, edit or reject."
          >
            <LabelImportForm slug={slug} />
          </Section>
        </>
      ) : (
        <Notice tone="warning">
          <span data-testid="cannot-import">
            You cannot import files into this project: only owners and data leads can. You are{' '}
            {/^[AEIOU]/.test(ROLE_LABELS[role]) ? 'an' : 'a'} {ROLE_LABELS[role].toLowerCase()}; ask a data lead to import, or to
            change your role.
          </span>
        </Notice>
      )}
      <Section title="Recent imports">
        <RecentBatches slug={slug} />
      </Section>
    </div>
  );
}
