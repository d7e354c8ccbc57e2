'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callApi, errorMessage, errorsByPath } from '@/lib/api/client';
import { createImport, importUrls, listImports } from '@/lib/api/operations/imports';
import { Button } from '../ui/button';
import { Field, Textarea } from '../ui/field';
import { BatchItems } from './batch-items';

const MAX_URLS = 1000;

/** One http(s) URL per line → a URL batch; a worker fetches each (the server refuses private addresses). */
export function UrlImportForm({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const urls = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const bad = urls.findIndex((u) => !/^https?:\/\/\S+$/i.test(u));
    if (urls.length === 0) return setError('Paste at least one URL.');
    if (bad >= 0) return setError(`Line ${bad + 1} is not an http(s) URL.`);
    if (urls.length > MAX_URLS) return setError(`At most ${MAX_URLS} URLs at a time.`);
    setPending(true);
    setError(null);
    try {
      const batch = await callApi(createImport, {
        params: { projectId: slug },
        body: { source: 'URL', label: `${urls.length} URLs` },
      });
      setBatchId(null);
      await callApi(importUrls, {
        params: { projectId: slug, batchId: batch.id },
        body: { urls: urls.map((url) => ({ url })) },
      });
      // Only now: refused URLs (a 400 or a 429) leave the batch empty, and the error says why.
      setBatchId(batch.id);
      setText('');
    } catch (e) {
      const byPath = Object.entries(errorsByPath(e));
      const first = byPath[0];
      const line = first ? /^urls\.(\d+)/.exec(first[0]) : null;
      setError(line ? `Line ${Number(line[1]) + 1}: ${first?.[1]}` : errorMessage(e));
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: [listImports.id] });
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="space-y-2">
        <Field
          label="URLs, one per line"
          error={error ?? undefined}
          hint="http and https only; each file is fetched by a worker."
        >
          <Textarea
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="https://example.org/photos/0001.jpg"
          />
        </Field>
        <Button type="submit" variant="primary" pending={pending}>
          Import URLs
        </Button>
      </form>
      {batchId && <BatchItems slug={slug} batchId={batchId} />}
    </div>
  );
}
