import Link from 'next/link';
import { Badge } from '../ui/badge';
import { StageBadge } from '../assets/stage-badge';
import type { BatchState } from './use-batch-watch';
import { AssetLink } from './asset-link';

interface ItemOutcomeProps {
  slug: string;
  assetId: string | null;
  status: 'PENDING' | 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
  reason?: string | null;
  state: BatchState | undefined;
}

/** What became of one file: its asset's stage (live), "duplicate of X", or why it was refused. */
export function ItemOutcome({ slug, assetId, status, reason, state }: ItemOutcomeProps) {
  if (status === 'REJECTED') {
    return (
      <span className="flex flex-wrap items-center gap-1.5">
        <Badge tone="red">Rejected</Badge>
        <span className="text-xs text-red-700" data-testid="reason">
          {reason ?? 'no reason given'}
        </span>
      </span>
    );
  }
  if (status === 'DUPLICATE' && assetId) {
    return (
      <span className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-600">
        <Badge tone="amber">Duplicate</Badge>
        same as <AssetLink slug={slug} assetId={assetId} />
      </span>
    );
  }
  if (status === 'PENDING' || !assetId) return <Badge>Pending</Badge>;
  const asset = state?.assets.get(assetId);
  const stage = asset?.stage ?? 'RAW';
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <StageBadge stage={stage} />
      {stage === 'QUARANTINED' && (
        <span className="text-xs text-red-700" data-testid="reason">
          {asset?.failureReason ?? 'no reason given'}
        </span>
      )}
      <Link href={`/projects/${slug}/assets/${assetId}`} className="text-xs text-accent-700 hover:underline">
        open
      </Link>
    </span>
  );
}
