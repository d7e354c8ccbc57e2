import Link from 'next/link';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { Badge } from '../ui/badge';
import { LeaseTimer } from './lease-timer';
import { PassName } from './pass-kind';

/** Where the item is (pass, queue left, lease, SLA) and the ways out (back, activity). */
export function TaskHeader({ slug, view, active }: { slug: string; view: TAssignmentView; active: boolean }) {
  const { pass, asset, assignment } = view;
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2 shadow-xs"
      data-testid="task-header"
    >
      <Link href={`/projects/${slug}/work`} className="text-xs text-zinc-500 hover:text-zinc-900">
        ← Work
      </Link>
      <h2 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
        <PassName name={pass.name} kind={pass.kind} />
      </h2>
      <span className="min-w-0 truncate font-mono text-xs text-zinc-500" title={asset.filename} data-testid="asset-filename">
        {asset.filename}
      </span>
      {assignment.round > 1 && <Badge tone="amber">round {assignment.round}</Badge>}
      <div className="ml-auto flex flex-wrap items-center gap-2 text-xs text-zinc-600">
        <span data-testid="queue-remaining">
          <strong className="text-zinc-900 tabular-nums">{view.queueRemaining}</strong> left
        </span>
        {active && <LeaseTimer expiresAt={assignment.leaseExpiresAt} directed={assignment.directed} />}
        {pass.slaHours !== null && <span>SLA {pass.slaHours} h</span>}
        <Link href={`/projects/${slug}/tasks/${view.task.id}`} className="text-accent-700 hover:underline">
          Activity
        </Link>
      </div>
    </div>
  );
}
