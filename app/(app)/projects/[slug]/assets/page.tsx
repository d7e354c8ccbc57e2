import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { AssetsBrowser } from '@/components/assets/assets-browser';
import type { AssetFilters } from '@/components/assets/use-asset-pages';
import { ZAssetListQuerySchema } from '@/lib/schemas/asset';

export const metadata: Metadata = { title: 'Assets' };

type Search = Record<string, string | string[] | undefined>;

export default async function AssetsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await projectAccessOrNotFound(slug);
  return <AssetsBrowser slug={access.slug} canWrite={access.can('assets:write')} initial={initialFilters(search)} />;
}

// A shared link's filters, each kept only when the API would accept it.
function initialFilters(search: Search): AssetFilters {
  const shape = ZAssetListQuerySchema.shape;
  const pick = <T,>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    kind: pick(shape.kind, search.kind),
    stage: pick(shape.stage, search.stage),
    batchId: pick(shape.batchId, search.batchId),
    q: pick(shape.q, search.q),
    meta: pick(shape.meta, search.meta),
  };
}
