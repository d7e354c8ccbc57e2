import type { EditorRegion } from '@/lib/annotate/patch';

// Copied regions outlive the item: they paste onto the next image (the task shell swaps pages), and
// survive a reload through sessionStorage (this tab only, never shared with another tab or user).

const KEY = 'loupe:image-clipboard';

interface Clipboard {
  regions: EditorRegion[];
  /** How often it was pasted, so repeated pastes on one image step further aside. */
  pastes: number;
}

let memory: Clipboard = { regions: [], pastes: 0 };

export function writeClipboard(regions: readonly EditorRegion[], pastes = 0) {
  if (regions.length === 0) return;
  memory = { regions: regions.slice(), pastes };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // A full or unavailable storage keeps the in-memory copy, which is enough within the tab.
  }
}

export function readClipboard(): Clipboard {
  if (memory.regions.length > 0) return memory;
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Clipboard | null;
    if (stored && Array.isArray(stored.regions)) memory = stored;
  } catch {
    // Unreadable storage: nothing to paste.
  }
  return memory;
}
