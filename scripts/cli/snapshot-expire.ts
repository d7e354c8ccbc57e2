import { ZExportFormatSchema } from '@/lib/schemas/snapshot';
import type { Ctx } from '@/server/context';
import { expireExport } from '@/server/snapshots/expire-export';
import { expireOldExports } from '@/server/snapshots/expire-old-exports';
import { getSnapshot } from '@/server/snapshots/get-snapshot';

export interface ExpireOptions {
  version?: string;
  format?: string;
  media: boolean;
  'older-than'?: string;
  'dry-run': boolean;
}

/**
 * `loupe snapshot expire`: one export (`--version --format [--media]`) or, as a retention rule for a
 * cron job, every ready export older than `--older-than <days>` (`--dry-run` lists them). Their zips
 * are removed; rows, sha256 and sizes stay, and `loupe snapshot export` rebuilds the same bytes.
 */
export async function expireCommand(ctx: Ctx, projectId: string, values: ExpireOptions): Promise<object> {
  if (values['older-than'] !== undefined) {
    const olderThanDays = Number(values['older-than']);
    const { exports, bytes } = await expireOldExports(ctx, { projectId, olderThanDays, dryRun: values['dry-run'] });
    return {
      dryRun: values['dry-run'],
      expired: exports.map((e) => ({ version: e.version, format: e.format, media: e.includeMedia, sha256: e.sha256 })),
      bytes,
    };
  }
  const version = Number(values.version);
  const format = ZExportFormatSchema.parse(values.format);
  const snapshot = await getSnapshot(ctx, { projectId, version });
  const found = snapshot.exports.find((e) => e.format === format && e.includeMedia === values.media);
  if (!found) throw new Error(`snapshot v${version} has no ${format}${values.media ? ' + media' : ''} export`);
  const expired = await expireExport(ctx, { projectId, version, exportId: found.id });
  return { version, format, media: expired.includeMedia, status: expired.status, sha256: expired.sha256, bytes: expired.bytes };
}
