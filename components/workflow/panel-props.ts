import type { TAssignmentView } from '@/lib/schemas/workflow';

/** What the task shell gives each pass panel (label, review, adjudicate). */
export interface PanelProps {
  slug: string;
  view: TAssignmentView;
  /** The caller holds this item and it is still open: actions and keys are live. */
  active: boolean;
  /** Opens the next item (or "Queue empty") after this one is done. */
  onDone: () => Promise<void>;
  /** Re-reads the item from the server after a conflict, dropping what the panel held. */
  onReload: () => void;
  /** True while the next item is being opened. */
  advancing: boolean;
}
