'use client';

import type { TMigrationImpact } from '@/lib/schemas/taxonomy-migration';
import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { ChangeList } from './change-list';
import { ClassChangeForm } from './class-change-form';
import type { ClassChange } from './class-changes';
import type { EditClass } from './editor-model';
import { MigrationImpact } from './migration-impact';

/**
 * What happens to the labels of the published version: the draft's changes as operations, a form to
 * add one, and the dry run of the saved draft (shown once the draft is saved, as it counts what is stored).
 */
export function LabelChangesPanel(props: {
  slug: string;
  publishedVersion: number;
  operations: TTaxonomyOperation[];
  changeable: EditClass[];
  all: EditClass[];
  publishedAttributes: ReadonlyMap<string, readonly string[]>;
  nameOf: (classId: string) => string;
  onApply: (change: ClassChange) => void;
  onUndoLast: (() => void) | null;
  report: { data?: TMigrationImpact; isPending: boolean; error: unknown; refetch: () => unknown } | null;
}) {
  return (
    <section
      className="space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs"
      aria-label="Changes to existing labels"
    >
      <div>
        <h2 className="text-sm font-semibold text-zinc-900">Changes to labels of version {props.publishedVersion}</h2>
        <p className="text-xs text-zinc-500">
          Every label moves to the new version when it is published; these changes say how. Edit names and settings above for
          anything else.
        </p>
      </div>
      <ChangeList operations={props.operations} nameOf={props.nameOf} onUndoLast={props.onUndoLast} />
      <ClassChangeForm
        classes={props.changeable}
        all={props.all}
        publishedAttributes={props.publishedAttributes}
        onApply={props.onApply}
      />
      <div className="border-t border-zinc-100 pt-3">
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Dry run</h3>
        {props.report ? (
          <MigrationImpact slug={props.slug} report={props.report} nameOf={props.nameOf} />
        ) : (
          <p className="text-sm text-zinc-500">Save the draft to see what publishing it would do to existing labels.</p>
        )}
      </div>
    </section>
  );
}
