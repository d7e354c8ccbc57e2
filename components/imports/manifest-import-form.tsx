'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiErrorFrom, buildUrl, callApi, errorMessage } from '@/lib/api/client';
import { createImport, importManifest, listImports } from '@/lib/api/operations/imports';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { BatchItems } from './batch-items';

function contentType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

/** A CSV or JSON Lines manifest (uri, captured_at, device, location, consent, license, metadata…) → a manifest batch. */
export function ManifestImportForm({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a .csv or .jsonl file.');
    const type = contentType(file);
    if (!type) return setError('A manifest is a .csv (with a header row) or a .jsonl file.');
    setPending(true);
    setError(null);
    try {
      const batch = await callApi(createImport, { params: { projectId: slug }, body: { source: 'MANIFEST', label: file.name } });
      setBatchId(null);
      // The manifest goes up as the raw request body, so a big one is never parsed twice in the browser.
      const response = await fetch(buildUrl(importManifest.path, { projectId: slug, batchId: batch.id }), {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json' },
        body: file,
        credentials: 'same-origin',
      });
      if (!response.ok) throw await apiErrorFrom(response);
      // Shown only once the manifest is in: a refused one leaves the batch empty, and an empty
      // "Loading the batch…" / "No files" box under the error would only confuse.
      setBatchId(batch.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: [listImports.id] });
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <Field
          label="Manifest file"
          error={error ?? undefined}
          hint="CSV with a header row, or JSON Lines: uri, captured_at, device, location, consent, license, metadata."
          className="min-w-80 flex-1"
        >
          <Input
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            className="pt-1"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Button type="submit" variant="primary" pending={pending}>
          Import manifest
        </Button>
      </form>
      {batchId && <BatchItems slug={slug} batchId={batchId} />}
    </div>
  );
}
