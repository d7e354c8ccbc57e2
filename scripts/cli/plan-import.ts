import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TCaptureMetadata } from '@/lib/schemas/asset';
import { nameFromUrl, type RejectedRow, type UrlRow } from '@/server/imports/add-import-items';
import { parseManifest } from '@/server/imports/parse-manifest';
import { resolveInside, walkFolder } from './walk-folder';

export interface PlannedFile {
  absolute: string;
  /** Relative to the folder: kept as the asset's sourceUri. */
  relative: string;
  name: string;
  bytes: number;
  capture?: TCaptureMetadata;
}

export interface ImportPlan {
  root: string;
  files: PlannedFile[];
  urls: UrlRow[];
  rejected: RejectedRow[];
}

/** Without a manifest: every file under the folder; with one: exactly the rows it lists. */
export async function planImport(dir: string, manifestPath?: string): Promise<ImportPlan> {
  const walked = await walkFolder(dir);
  const rejected = walked.skipped.map((s) => ({ name: path.basename(s.relative), sourceUri: s.relative, reason: s.reason }));
  if (!manifestPath) {
    const files = walked.files.map((f) => ({ ...f, name: path.basename(f.relative) }));
    return { root: walked.root, files, urls: [], rejected };
  }
  const format = /\.(jsonl|ndjson)$/i.test(manifestPath) ? 'jsonl' : 'csv';
  const rows = parseManifest(await readFile(manifestPath, 'utf8'), format);
  const plan: ImportPlan = { root: walked.root, files: [], urls: [], rejected: [] };
  for (const row of rows) {
    const where = `line ${row.line}`;
    if (!row.ok) {
      plan.rejected.push({ name: where, sourceUri: row.uri, reason: `${where}: ${row.reason}` });
    } else if (/^https?:\/\//i.test(row.uri)) {
      plan.urls.push({ url: row.uri, name: row.name ?? nameFromUrl(row.uri), capture: row.capture });
    } else {
      const resolved = await resolveInside(walked.root, row.uri).catch((error: Error) => error);
      if (resolved instanceof Error)
        plan.rejected.push({ name: path.basename(row.uri), sourceUri: row.uri, reason: `${where}: ${resolved.message}` });
      else plan.files.push({ ...resolved, relative: row.uri, name: row.name ?? path.basename(row.uri), capture: row.capture });
    }
  }
  return plan;
}
