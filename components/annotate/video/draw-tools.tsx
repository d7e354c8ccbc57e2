'use client';

import { cx } from '@/components/ui/cx';
import { PendingMark, TOOL_BUTTON } from '../media-toolbar';

export interface DrawTools {
  tool: 'box' | 'polygon';
  onTool: (tool: 'box' | 'polygon') => void;
  /** A polygon is being drawn: the bar says how to finish it. */
  drafting: boolean;
}

const TOOLS = [
  { id: 'box', label: 'Box' },
  { id: 'polygon', label: 'Polygon' },
] as const;

/** Box or polygon for the next track (shown when the chosen class allows polygons; P switches). */
export function DrawToolPicker({ tool, onTool, drafting }: DrawTools) {
  return (
    <>
      <div className="flex gap-1" role="group" aria-label="Drawing tool">
        {TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            aria-pressed={tool === t.id}
            className={cx(TOOL_BUTTON, tool === t.id && 'border-accent-500 bg-accent-50')}
            onClick={() => onTool(t.id)}
            title="P switches box / polygon"
          >
            {t.label}
          </button>
        ))}
      </div>
      {drafting && (
        <PendingMark>Polygon: click its points; the first point, a double-click or Enter closes it, Esc drops it</PendingMark>
      )}
    </>
  );
}
