import { ZRegionsSchema, type TRegion } from '@/lib/schemas/workflow';

// Unsaved labels live in localStorage until the server has them, keyed by assignment and the
// annotation version they were based on: a reload, a crash or a stale save (409) never loses them.

const PREFIX = 'loupe.draft.';

export interface Draft {
  version: number;
  regions: TRegion[];
}

function keyOf(assignmentId: string, version: number): string {
  return `${PREFIX}${assignmentId}.v${version}`;
}

export function writeDraft(storage: Storage, assignmentId: string, draft: Draft): void {
  try {
    storage.setItem(keyOf(assignmentId, draft.version), JSON.stringify(draft.regions));
  } catch {
    // A full or disabled storage only loses the crash safety net; the autosave still runs.
  }
}

export function clearDraft(storage: Storage, assignmentId: string, version: number): void {
  storage.removeItem(keyOf(assignmentId, version));
}

/** Every draft kept for an assignment, newest base version first (older ones survive a 409). */
export function readDrafts(storage: Storage, assignmentId: string): Draft[] {
  const drafts: Draft[] = [];
  const prefix = `${PREFIX}${assignmentId}.v`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const regions = ZRegionsSchema.safeParse(safeJson(storage.getItem(key)));
    const version = Number(key.slice(prefix.length));
    if (regions.success && Number.isInteger(version)) drafts.push({ version, regions: regions.data });
  }
  return drafts.sort((a, b) => b.version - a.version);
}

export function clearDrafts(storage: Storage, assignmentId: string): void {
  for (const draft of readDrafts(storage, assignmentId)) clearDraft(storage, assignmentId, draft.version);
}

function safeJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
