import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TPass } from '@/lib/schemas/workflow';
import { ROLE_LABELS } from '../ui/badge';
import { PassName } from './pass-kind';

/** The passes as people who cannot change them see them. */
export function PassList({ passes, classes }: { passes: readonly TPass[]; classes: readonly TTaxonomyClass[] }) {
  const className = (id: string) => classes.find((c) => c.id === id)?.name ?? id;
  return (
    <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-xs" aria-label="Passes">
      {passes.map((p, i) => (
        <li key={p.id} className="flex items-start gap-3 px-4 py-3" data-testid={`pass-${i}`}>
          <span className="grid size-6 shrink-0 place-items-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1 space-y-1">
            <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
              <PassName name={p.name} kind={p.kind} />
            </p>
            <p className="text-xs text-zinc-600">{facts(p).join(' · ')}</p>
            {p.kind === 'LABEL' && p.scope.classIds.length > 0 && (
              <p className="text-xs text-zinc-500">Classes: {p.scope.classIds.map(className).join(', ')}</p>
            )}
          </div>
          <span className="text-xs whitespace-nowrap text-zinc-500 tabular-nums">
            {p.taskCount} task{p.taskCount === 1 ? '' : 's'}
          </span>
        </li>
      ))}
    </ol>
  );
}

function facts(p: TPass): string[] {
  const out: string[] = [];
  if (p.kind === 'LABEL') {
    out.push(`${p.overlap} annotator${p.overlap === 1 ? '' : 's'} per item`);
    if (p.overlap > 1) out.push(`agreement ≥ ${Math.round(p.agreementThreshold * 100)}%`);
  }
  if (p.kind === 'REVIEW') out.push(`reviews ${Math.round(p.sampleRate * 100)}% of items`);
  out.push(p.slaHours === null ? 'no SLA' : `SLA ${p.slaHours} h`);
  out.push(`by ${p.roles.map((r) => ROLE_LABELS[r]).join(', ')}`);
  return out;
}
