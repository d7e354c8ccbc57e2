'use client';

import { useEffect, useState } from 'react';
import { Badge } from '../ui/badge';
import { formatClock } from './durations';

/** Time left on the caller's lease; a directed item (rework, re-review) waits for them without one. */
export function LeaseTimer({ expiresAt, directed }: { expiresAt: string | null; directed: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (directed || !expiresAt) return <Badge tone="blue">held for you</Badge>;
  const left = (new Date(expiresAt).getTime() - now) / 1000;
  if (left <= 0) return <Badge tone="red">lease expired</Badge>;
  return (
    <Badge tone={left < 120 ? 'amber' : 'neutral'}>
      <span className="tabular-nums" title="Saving extends the lease">
        lease {formatClock(left)}
      </span>
    </Badge>
  );
}
