'use client';

/** Undo and Redo at the right end of an editor's toolbar. */
export function HistoryButtons({
  history,
  className,
}: {
  history: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void };
  className: string;
}) {
  return (
    <div className="ml-auto flex gap-1" role="group" aria-label="History">
      <button type="button" className={className} onClick={history.onUndo} disabled={!history.canUndo}>
        Undo
      </button>
      <button type="button" className={className} onClick={history.onRedo} disabled={!history.canRedo}>
        Redo
      </button>
    </div>
  );
}
