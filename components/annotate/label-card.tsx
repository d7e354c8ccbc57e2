'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Notice } from '@/components/ui/states';
import { ClassPicker } from '@/components/workflow/class-picker';
import { LabelPanelHead } from './label-panel-head';

/**
 * Every editor's label panel: its head (rework, stale draft, save status, keys), the classes to pick
 * from — or, when the pass offers none (`missing`), what to ask a data lead — then the editor's own
 * parts (attributes, suggestions, the submit bar) as children.
 */
export function LabelCard({
  head,
  picker,
  missing,
  children,
}: {
  head: ComponentProps<typeof LabelPanelHead>;
  picker: ComponentProps<typeof ClassPicker>;
  missing: string | null;
  children: ReactNode;
}) {
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs" data-testid="label-panel">
      <LabelPanelHead {...head} />
      {missing ? <Notice tone="warning">{missing} Ask a data lead to check its scope.</Notice> : <ClassPicker {...picker} />}
      {children}
    </div>
  );
}
