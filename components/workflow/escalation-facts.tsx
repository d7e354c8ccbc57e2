import type { TAssignmentView } from '@/lib/schemas/workflow';
import { formatDateTime } from '../ui/format';

/** Why the item needs an expert: the reason, who raised it (or low agreement), and when it is due. */
export function EscalationFacts({ escalation }: { escalation: NonNullable<TAssignmentView['escalation']> }) {
  const overdue = new Date(escalation.dueAt).getTime() < Date.now();
  return (
    <section className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm" data-testid="escalation">
      <h3 className="font-semibold text-red-900">Escalated</h3>
      <p className="whitespace-pre-wrap text-red-900">{escalation.reason}</p>
      <p className="text-xs text-red-800">
        {escalation.raisedBy ? `by ${escalation.raisedBy.name}` : 'automatically'}
        {escalation.agreement !== null && ` · agreement ${Math.round(escalation.agreement * 100)}%`} ·{' '}
        <span className={overdue ? 'font-semibold' : undefined}>
          {overdue ? 'overdue since' : 'due'} {formatDateTime(escalation.dueAt)}
        </span>
      </p>
    </section>
  );
}
