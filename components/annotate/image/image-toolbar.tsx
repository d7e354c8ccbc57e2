'use client';

import type { Tool } from '@/lib/annotate/gestures';
import { cx } from '@/components/ui/cx';
import { Kbd } from '@/components/workflow/keyboard-shortcuts';
import { TOOL_KEYS, TOOL_NAMES } from './editor-shortcuts';
import type { ImageCanvasHandle } from './image-canvas';

const small =
  'rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50';

/** Tools, history and view controls above the canvas. */
export function ImageToolbar({
  tools,
  tool,
  onTool,
  canvas,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  readOnly,
  brightness,
  contrast,
  onAdjust,
  hint,
}: {
  tools: readonly Tool[];
  tool: Tool;
  onTool: (tool: Tool) => void;
  canvas: ImageCanvasHandle | null;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  readOnly: boolean;
  brightness: number;
  contrast: number;
  onAdjust: (brightness: number, contrast: number) => void;
  hint: string | null;
}) {
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-1.5"
      role="toolbar"
      aria-label="Image tools"
    >
      {!readOnly && (
        <div className="flex gap-1" role="group" aria-label="Tools">
          {tools.map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={tool === t}
              onClick={() => onTool(t)}
              className={cx(
                small,
                'flex items-center gap-1.5',
                tool === t && 'border-accent-500 bg-accent-50 font-medium ring-1 ring-accent-500',
              )}
            >
              {TOOL_NAMES[t]} <Kbd>{TOOL_KEYS[t].toUpperCase()}</Kbd>
            </button>
          ))}
        </div>
      )}
      {!readOnly && (
        <div className="flex gap-1" role="group" aria-label="History">
          <button type="button" className={small} disabled={!canUndo} onClick={onUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" className={small} disabled={!canRedo} onClick={onRedo} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </button>
        </div>
      )}
      <div className="flex gap-1" role="group" aria-label="View">
        <button type="button" className={small} onClick={() => canvas?.fit()} title="Fit (0)">
          Fit
        </button>
        <button type="button" className={small} onClick={() => canvas?.actualSize()} title="Actual size (.)">
          1:1
        </button>
        <button type="button" className={small} onClick={() => canvas?.zoom(1.25)} aria-label="Zoom in" title="Zoom in (=)">
          +
        </button>
        <button type="button" className={small} onClick={() => canvas?.zoom(0.8)} aria-label="Zoom out" title="Zoom out (-)">
          −
        </button>
      </div>
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        Brightness
        <input
          type="range"
          min={0.3}
          max={2.5}
          step={0.05}
          value={brightness}
          onChange={(e) => onAdjust(Number(e.target.value), contrast)}
          className="w-20"
        />
      </label>
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        Contrast
        <input
          type="range"
          min={0.3}
          max={2.5}
          step={0.05}
          value={contrast}
          onChange={(e) => onAdjust(brightness, Number(e.target.value))}
          className="w-20"
        />
      </label>
      {(brightness !== 1 || contrast !== 1) && (
        <button type="button" className={small} onClick={() => onAdjust(1, 1)}>
          Reset
        </button>
      )}
      {hint && (
        <span className="ml-auto text-xs text-zinc-600" role="status">
          {hint}
        </span>
      )}
    </div>
  );
}
