import { describe, expect, it } from 'vitest';
import { clearDraft, clearDrafts, readDrafts, writeDraft } from './annotation-draft';

/** The Web Storage interface over a Map: node has no localStorage. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const regions = [{ id: 'r1', type: 'classification' as const, classId: 'car', attributes: {} }];

describe('annotation drafts', () => {
  it('keeps drafts per base version, newest first, and only for their assignment', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'a1', { version: 2, regions });
    writeDraft(storage, 'a1', { version: 5, regions: [] });
    writeDraft(storage, 'a2', { version: 9, regions });
    expect(readDrafts(storage, 'a1')).toEqual([
      { version: 5, regions: [] },
      { version: 2, regions },
    ]);
  });

  it('forgets a draft once its save succeeded, and all of them on demand', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'a1', { version: 2, regions });
    writeDraft(storage, 'a1', { version: 3, regions });
    clearDraft(storage, 'a1', 2);
    expect(readDrafts(storage, 'a1').map((d) => d.version)).toEqual([3]);
    clearDrafts(storage, 'a1');
    expect(readDrafts(storage, 'a1')).toEqual([]);
  });

  it('ignores a corrupted entry instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('loupe.draft.a1.v4', '{not json');
    expect(readDrafts(storage, 'a1')).toEqual([]);
  });
});
