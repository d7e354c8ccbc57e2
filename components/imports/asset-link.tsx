'use client';

import Link from 'next/link';
import { getAsset } from '@/lib/api/operations/assets';
import { useApiQuery } from '../use-api';

/** A link to an asset by id, named by its filename once that is known (e.g. the original of a duplicate). */
export function AssetLink({ slug, assetId }: { slug: string; assetId: string }) {
  const asset = useApiQuery(getAsset, { params: { projectId: slug, assetId } }, { staleTime: Infinity });
  return (
    <Link href={`/projects/${slug}/assets/${assetId}`} className="font-medium text-accent-700 hover:underline">
      {asset.data?.filename ?? 'the existing asset'}
    </Link>
  );
}
