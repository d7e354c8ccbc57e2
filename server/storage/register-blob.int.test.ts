import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { blobStore } from './blob-store';
import { registerBlob } from './register-blob';

describe('registerBlob', () => {
  it('records a stored blob once and never rewrites the row', async () => {
    const stored = await blobStore().put(Buffer.from('%PDF-1.7 not really'));
    const first = await registerBlob(db(), { ...stored, mime: 'application/pdf' });
    const again = await registerBlob(db(), { ...stored, mime: 'text/plain' });

    expect(first).toMatchObject({ sha256: stored.sha256, bytes: 19n, mime: 'application/pdf', storageKey: stored.storageKey });
    expect(again).toEqual(first);
    expect(await db().blob.count({ where: { sha256: stored.sha256 } })).toBe(1);
  });
});
