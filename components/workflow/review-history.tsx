import type { TReviewView } from '@/lib/schemas/workflow';
import { Badge, type BadgeTone } from '../ui/badge';
import { formatRelative } from '../ui/format';

const TONES: Record<TReviewView['decision'], BadgeTone> = { ACCEPT: 'green', REJECT: 'red', ESCALATE: 'amber' };

/** Decisions already taken on this item (earlier review rounds), newest first. */
export function ReviewHistory({ reviews }: { reviews: readonly TReviewView[] }) {
  if (reviews.length === 0) return null;
  const newestFirst = [...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Earlier decisions</h3>
      <ul className="space-y-1.5 text-sm">
        {newestFirst.map((r) => (
          <li key={r.id} className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5">
            <p className="flex items-center gap-2 text-xs text-zinc-500">
              <Badge tone={TONES[r.decision]}>{r.decision.toLowerCase()}</Badge>
              {r.reviewer.name} · {formatRelative(r.createdAt)}
            </p>
            {r.comment && <p className="mt-1 whitespace-pre-wrap text-zinc-800">{r.comment}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
