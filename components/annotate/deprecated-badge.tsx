import { Badge } from '../ui/badge';

/** Beside a label whose class is deprecated: it stays as it is, but the class is no longer offered for new labels. */
export function DeprecatedBadge({ deprecated }: { deprecated: boolean | undefined }) {
  if (!deprecated) return null;
  return (
    <Badge tone="amber" className="shrink-0">
      <span title="This class is deprecated: existing labels keep it, new labels cannot use it">deprecated</span>
    </Badge>
  );
}
