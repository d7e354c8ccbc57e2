import type { TPassKind } from '@/lib/schemas/workflow';
import { Badge, type BadgeTone } from '../ui/badge';

export const PASS_KIND_LABELS: Record<TPassKind, string> = { LABEL: 'Label', REVIEW: 'Review', ADJUDICATE: 'Adjudicate' };

/** What the work page's button says for each kind of pass. */
export const START_LABELS: Record<TPassKind, string> = {
  LABEL: 'Start labeling',
  REVIEW: 'Start reviewing',
  ADJUDICATE: 'Start adjudicating',
};

const TONES: Record<TPassKind, BadgeTone> = { LABEL: 'accent', REVIEW: 'amber', ADJUDICATE: 'red' };

function PassKindBadge({ kind }: { kind: TPassKind }) {
  return <Badge tone={TONES[kind]}>{PASS_KIND_LABELS[kind]}</Badge>;
}

/** A pass's name with its kind, without saying "Label Label" when the name is the kind. */
export function PassName({ name, kind }: { name: string; kind: TPassKind }) {
  return (
    <>
      {name}
      {name.trim().toLowerCase() !== PASS_KIND_LABELS[kind].toLowerCase() && <PassKindBadge kind={kind} />}
    </>
  );
}
