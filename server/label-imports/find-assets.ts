import type { ParsedRow } from '@/lib/label-import/parsed-row';
import { rows, sql } from '../sql';

/** Our own exports name media `<index>-<first 12 hex of sha256>.<ext>`; Label Studio prefixes uploads with 8 hex and a dash. */
const EXPORTED = /^\d{6}-([0-9a-f]{12})\.[A-Za-z0-9]+$/;
const LABEL_STUDIO_UPLOAD = /^[0-9a-f]{8}-(.+)$/;

/**
 * Each row's asset in the project: by sha256; by a media name of our exports (its hash prefix); by
 * file name as uploaded (also without Label Studio's upload prefix). A row gets the asset's id, or
 * why it has none (no such asset, or several with that name).
 */
export type FoundAsset = { assetId: string } | { reason: string };

export async function findAssets(projectId: string, parsed: readonly ParsedRow[]): Promise<Map<ParsedRow, FoundAsset>> {
  const hashes = parsed.flatMap((r) => (r.match.sha256 ? [r.match.sha256] : []));
  const names = parsed.flatMap((r) =>
    r.match.filename ? [r.match.filename, r.match.filename.replace(LABEL_STUDIO_UPLOAD, '$1')] : [],
  );
  const prefixes = names.flatMap((n) => EXPORTED.exec(n)?.[1] ?? []);
  const found = await rows<{ id: string; sha256: string; filename: string }>(
    sql`SELECT id, "blobSha256" AS sha256, filename FROM "Asset"
      WHERE "projectId" = ${projectId} AND ("blobSha256" = ANY(${hashes}::text[]) OR filename = ANY(${names}::text[])
        OR left("blobSha256", 12) = ANY(${prefixes}::text[]))`,
  );
  const bySha = new Map(found.map((a) => [a.sha256, a.id]));
  const byPrefix = new Map(found.map((a) => [a.sha256.slice(0, 12), a.id]));
  const byName = new Map<string, string[]>();
  for (const a of found) byName.set(a.filename, [...(byName.get(a.filename) ?? []), a.id]);

  const result = new Map<ParsedRow, FoundAsset>();
  for (const row of parsed) {
    const { sha256, filename } = row.match;
    if (sha256) {
      const assetId = bySha.get(sha256);
      result.set(row, assetId ? { assetId } : { reason: `no asset of this project has sha256 ${sha256.slice(0, 12)}…` });
      continue;
    }
    const name = filename ?? '';
    const prefix = EXPORTED.exec(name)?.[1];
    const looked = byName.has(name) ? name : name.replace(LABEL_STUDIO_UPLOAD, '$1');
    const candidates = byName.get(looked) ?? [];
    const id = (prefix && byPrefix.get(prefix)) || (candidates.length === 1 ? candidates[0] : undefined);
    if (id) result.set(row, { assetId: id });
    else
      result.set(row, {
        reason:
          candidates.length > 1
            ? `${candidates.length} assets are named “${looked}”`
            : `no asset of this project is named “${name}”`,
      });
  }
  return result;
}
