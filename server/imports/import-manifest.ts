import type { TImportItem } from '@/lib/schemas/import';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { readCappedText } from '../http/read-capped-text';
import { authorizeProject } from '../permissions';
import { addImportItems, nameFromUrl, type RejectedRow, type UrlRow } from './add-import-items';
import { parseManifest, type ManifestFormat } from './parse-manifest';

export const MAX_MANIFEST_BYTES = 20 * 1024 * 1024;
export const MAX_MANIFEST_ROWS = 100_000;

const FORMATS: Record<string, ManifestFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json-lines': 'jsonl',
};

/**
 * A CSV or JSON Lines manifest posted to a batch: every http(s) row becomes a PENDING item and a
 * fetch job; every bad row (unreadable, bad date, not an http(s) URI) a REJECTED item with its line
 * number and reason. Files on the server's disk are the CLI's job, never the API's.
 */
export async function importManifest(
  ctx: Ctx,
  input: { projectId: string; batchId: string; contentType: string | null; body: ReadableStream<Uint8Array> | null },
): Promise<{ items: TImportItem[] }> {
  // Authorized before a byte is read: an outsider gets 404 without costing us the upload.
  await authorizeProject(db(), ctx, input.projectId, 'assets:write');
  const mediaType = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = FORMATS[mediaType];
  if (!format) {
    throw new AppError('VALIDATION', 'Send the manifest as text/csv or application/x-ndjson (JSON Lines)');
  }
  const rows = parseManifest(await readCappedText(input.body, MAX_MANIFEST_BYTES, 'The manifest'), format);
  if (rows.length === 0) throw new AppError('VALIDATION', 'The manifest has no rows');
  if (rows.length > MAX_MANIFEST_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A manifest may have at most ${MAX_MANIFEST_ROWS} rows; split it`);
  }
  const urls: UrlRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const fallbackName = `line ${row.line}`;
    if (!row.ok) rejected.push({ name: fallbackName, sourceUri: row.uri, reason: `line ${row.line}: ${row.reason}` });
    else if (!isHttpUrl(row.uri))
      rejected.push({
        name: row.name ?? fallbackName,
        sourceUri: row.uri,
        reason: `line ${row.line}: only http(s) URLs can be imported through the API; use the CLI for server files`,
      });
    else urls.push({ url: row.uri, name: row.name ?? nameFromUrl(row.uri), capture: row.capture });
  }
  return addImportItems(ctx, { projectId: input.projectId, batchId: input.batchId, urls, rejected, via: 'manifest' });
}

function isHttpUrl(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
