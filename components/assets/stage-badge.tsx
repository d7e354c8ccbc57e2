import type { TAssetSummary } from '@/lib/schemas/asset';
import { Badge, type BadgeTone } from '../ui/badge';

type Stage = TAssetSummary['stage'];

const TONES: Record<Stage, BadgeTone> = { RAW: 'neutral', STAGED: 'blue', READY: 'green', QUARANTINED: 'red' };
export const STAGE_LABELS: Record<Stage, string> = {
  RAW: 'Raw',
  STAGED: 'Staged',
  READY: 'Ready',
  QUARANTINED: 'Quarantined',
};

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <Badge tone={TONES[stage]} className="uppercase">
      <span data-testid="stage">{STAGE_LABELS[stage]}</span>
    </Badge>
  );
}

export function isSettled(stage: Stage): boolean {
  return stage === 'READY' || stage === 'QUARANTINED';
}
