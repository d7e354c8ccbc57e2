import type { TImportItem } from '@/lib/schemas/import';
import type { ZUrlImportSchema } from '@/lib/schemas/import';
import type { z } from 'zod';
import type { Ctx } from '../context';
import { addImportItems, nameFromUrl } from './add-import-items';

/** Queues http(s) URLs for fetching into a batch; the fetch worker SSRF-checks and downloads each. */
export async function importUrls(
  ctx: Ctx,
  input: { projectId: string; batchId: string } & z.output<typeof ZUrlImportSchema>,
): Promise<{ items: TImportItem[] }> {
  const urls = input.urls.map(({ url, name, ...capture }) => ({ url, name: name || nameFromUrl(url), capture }));
  return addImportItems(ctx, { projectId: input.projectId, batchId: input.batchId, urls, rejected: [], via: 'urls' });
}
