import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { AssetDetail } from '@/components/assets/asset-detail';

export const metadata: Metadata = { title: 'Asset' };

export default async function AssetPage({ params }: { params: Promise<{ slug: string; assetId: string }> }) {
  const { slug, assetId } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <AssetDetail slug={access.slug} assetId={assetId} canWrite={access.can('assets:write')} />;
}
