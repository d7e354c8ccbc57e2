import { acceptSuggestions, moveRegions, removeRegions, reorder, setClass, setFlag } from '@/lib/annotate/commands';
import type { Tool } from '@/lib/annotate/gestures';
import type { Shortcut } from '@/components/workflow/keyboard-shortcuts';
import type { ImageCanvasHandle } from './image-canvas';
import type { ImageDocument } from './use-image-document';

// The image editor's keys, beside the pass's own (Enter, S, F) and the class keys. Letters a class
// must not take, so its hotkey falls back to a digit (see components/workflow/hotkeys.ts).
export const EDITOR_KEYS = new Set(['v', 'b', 'p', 'i', 'k', 'h', 'l', 'n', 'y', 's', 'f', '0', '.', '=', '-', '[', ']']);

export const TOOL_KEYS: Record<Tool, string> = { select: 'v', bbox: 'b', polygon: 'p', polyline: 'i', keypoints: 'k' };
export const TOOL_NAMES: Record<Tool, string> = {
  select: 'Select',
  bbox: 'Box',
  polygon: 'Polygon',
  polyline: 'Line',
  keypoints: 'Keypoints',
};

export interface EditorKeyContext {
  doc: ImageDocument;
  canvas: ImageCanvasHandle | null;
  tools: readonly Tool[];
  setTool: (tool: Tool) => void;
  /** The image's size in pixels, for nudging by one pixel. */
  pixels: { width: number; height: number };
  submitKey: Shortcut;
}

/** Keys that edit: only bound while the item is the caller's and open. */
export function editorShortcuts({ doc, canvas, tools, setTool, pixels, submitKey }: EditorKeyContext): Shortcut[] {
  const selected = () => [...doc.selected];
  const any = () => doc.selected.size > 0;
  const nudge = (dx: number, dy: number) => () => {
    if (!any()) return false;
    doc.run((r) => moveRegions(r, selected(), dx / pixels.width, dy / pixels.height));
  };
  const toggle = (flag: 'hidden' | 'locked') => () => {
    if (!any()) return false;
    const on = !doc.regions.filter((r) => doc.selected.has(r.id)).every((r) => r[flag]);
    doc.run((r) => setFlag(r, selected(), flag, on));
  };
  return [
    ...tools.map((tool) => ({ key: TOOL_KEYS[tool], label: `${TOOL_NAMES[tool]} tool`, run: () => setTool(tool) })),
    {
      key: 'enter',
      label: 'Close the shape being drawn, else submit',
      run: () => (canvas?.finishDraft() ? undefined : submitKey.run()),
    },
    { key: 'escape', label: 'Cancel drawing, else deselect', run: () => void (canvas?.cancelDraft() || doc.select([])) },
    {
      key: 'backspace',
      label: 'Remove the last point drawn, else delete the selection',
      run: () => (canvas?.undoDraftPoint() ? undefined : any() ? doc.run((r) => removeRegions(r, selected())) : false),
    },
    { key: 'delete', label: 'Delete the selection', run: () => (any() ? doc.run((r) => removeRegions(r, selected())) : false) },
    { key: 'n', label: 'Keypoints: the next point is not visible', run: () => canvas?.skipKeypoint() ?? false },
    { key: 'mod+z', label: 'Undo', run: doc.undo },
    { key: 'mod+shift+z', label: 'Redo', run: doc.redo },
    { key: 'mod+y', label: 'Redo', run: doc.redo },
    { key: 'mod+a', label: 'Select all', run: () => doc.select(doc.regions.filter((r) => !r.hidden).map((r) => r.id)) },
    // Copy only when no text is selected, so copying a comment still works.
    {
      key: 'mod+c',
      label: 'Copy the selection',
      run: () => (any() && document.getSelection()?.isCollapsed !== false ? doc.copy() : false),
    },
    { key: 'mod+v', label: 'Paste (also onto the next image)', run: doc.paste },
    { key: 'arrowleft', label: 'Nudge left 1 px', run: nudge(-1, 0) },
    { key: 'arrowright', label: 'Nudge right 1 px', run: nudge(1, 0) },
    { key: 'arrowup', label: 'Nudge up 1 px', run: nudge(0, -1) },
    { key: 'arrowdown', label: 'Nudge down 1 px', run: nudge(0, 1) },
    { key: 'shift+arrowleft', label: 'Nudge left 10 px', run: nudge(-10, 0) },
    { key: 'shift+arrowright', label: 'Nudge right 10 px', run: nudge(10, 0) },
    { key: 'shift+arrowup', label: 'Nudge up 10 px', run: nudge(0, -10) },
    { key: 'shift+arrowdown', label: 'Nudge down 10 px', run: nudge(0, 10) },
    { key: 'h', label: 'Hide / show the selection', run: toggle('hidden') },
    { key: 'l', label: 'Lock / unlock the selection', run: toggle('locked') },
    {
      key: 'y',
      label: 'Accept the selected suggestions',
      run: () => (any() ? doc.run((r) => acceptSuggestions(r, selected())) : false),
    },
    { key: ']', label: 'Bring to front', run: () => doc.run((r) => reorder(r, selected(), 'front')) },
    { key: '[', label: 'Send to back', run: () => doc.run((r) => reorder(r, selected(), 'back')) },
  ];
}

/** Keys that only look: they work on a read-only item too. */
export function viewShortcuts(canvas: ImageCanvasHandle | null): Shortcut[] {
  return [
    { always: true, key: '0', label: 'Fit the image', run: () => canvas?.fit() },
    { always: true, key: '.', label: 'Actual size (100 %)', run: () => canvas?.actualSize() },
    { always: true, key: '=', label: 'Zoom in', run: () => canvas?.zoom(1.25) },
    { always: true, key: '-', label: 'Zoom out', run: () => canvas?.zoom(0.8) },
  ];
}

/** Picking a class with a selection also relabels the selected regions whose shape the class allows. */
export function relabel(
  doc: ImageDocument,
  klass: { id: string; geometries: readonly string[]; attributes: readonly { id: string }[] },
) {
  const ids = doc.regions.filter((r) => doc.selected.has(r.id) && klass.geometries.includes(r.type)).map((r) => r.id);
  if (ids.length > 0) doc.run((r) => setClass(r, ids, klass));
}
