import type { ReactNode } from 'react';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView } from '@/lib/schemas/workflow';
import { Badge } from '../ui/badge';
import { cx } from '../ui/cx';
import { formatRelative } from '../ui/format';
import { RegionChips } from './class-chips';

/** Someone's annotation, read-only: who, which pass and version, and its labels; `children` add controls. */
export function AnnotationCard({
  annotation,
  classes,
  selected,
  children,
}: {
  annotation: TAnnotationView;
  classes: readonly TTaxonomyClass[];
  selected?: boolean;
  children?: ReactNode;
}) {
  return (
    <article
      className={cx(
        'space-y-2 rounded-lg border bg-white p-3',
        selected ? 'border-accent-500 ring-1 ring-accent-500' : 'border-zinc-200',
      )}
      data-testid={`subject-${annotation.author.email}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-zinc-500">
        <span className="text-sm font-medium text-zinc-900">{annotation.author.name}</span>
        <span>{annotation.passName}</span>
        <span>v{annotation.version}</span>
        {annotation.status !== 'SUBMITTED' && <Badge>{annotation.status.toLowerCase()}</Badge>}
        <span className="ml-auto">{formatRelative(annotation.submittedAt)}</span>
      </header>
      <RegionChips regions={annotation.regions} classes={classes} />
      {children}
    </article>
  );
}
