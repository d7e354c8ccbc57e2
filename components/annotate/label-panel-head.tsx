'use client';

import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAssignmentView, TRegion } from '@/lib/schemas/workflow';
import { KeyboardShortcuts, type Shortcut } from '@/components/workflow/keyboard-shortcuts';
import { ReworkNotice } from '@/components/workflow/rework-notice';
import { SaveStatusText } from '@/components/workflow/save-status';
import { StaleDraftNotice } from '@/components/workflow/stale-draft-notice';
import type { useAnnotationEditor } from '@/components/workflow/use-annotation-editor';

/**
 * The top of an editor's label panel: why the item came back (rework), a draft from another version
 * to restore, then the "Classes" heading with the save status and the keys.
 */
export function LabelPanelHead({
  view,
  editor,
  regions,
  classes,
  shortcuts,
  enabled,
}: {
  view: TAssignmentView;
  editor: ReturnType<typeof useAnnotationEditor>;
  regions: readonly TRegion[];
  classes: TTaxonomyClass[];
  shortcuts: Shortcut[];
  enabled: boolean;
}) {
  const rework = view.assignment.directed && view.previous?.status === 'REJECTED' ? view.previous : null;
  return (
    <>
      {rework && <ReworkNotice view={view} previous={rework} regions={regions} classes={classes} />}
      {editor.staleDraft && <StaleDraftNotice draft={editor.staleDraft} classes={classes} {...editor.staleActions} />}
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">Classes</h3>
        <span className="ml-auto">
          <SaveStatusText status={editor.status} error={editor.error} />
        </span>
        <KeyboardShortcuts shortcuts={shortcuts} enabled={enabled} />
      </div>
    </>
  );
}
