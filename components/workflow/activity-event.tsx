import type { TActivity } from '@/lib/schemas/workflow';
import { formatDateTime, formatRelative } from '../ui/format';

type ActivityEvent = TActivity['events'][number];

/** "assignment.submit" → "assignment submit": audit actions are dotted identifiers. */
function readable(action: string): string {
  return action.replace(/[._]/g, ' ');
}

/** One line of the task's history; the before/after states open on demand. */
export function ActivityEventRow({ event }: { event: ActivityEvent }) {
  const hasDetail = event.before != null || event.after != null;
  return (
    <li className="px-3 py-2 text-sm" data-testid="activity-event">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium text-zinc-900">{event.actor?.name ?? 'System'}</span>
        <span className="font-mono text-xs text-zinc-700">{readable(event.action)}</span>
        <time className="ml-auto text-xs text-zinc-500" dateTime={event.createdAt} title={formatDateTime(event.createdAt)}>
          {formatRelative(event.createdAt)}
        </time>
      </div>
      {hasDetail && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-zinc-500 hover:text-zinc-900">Before / after</summary>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            <Json label="Before" value={event.before} />
            <Json label="After" value={event.after} />
          </div>
        </details>
      )}
    </li>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="text-[11px] font-medium text-zinc-500">{label}</p>
      <pre className="max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] text-zinc-700">
        {value == null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
