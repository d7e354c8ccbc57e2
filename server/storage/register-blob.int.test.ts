import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { blobStore } from './blob-store';
import { registerBlobs } from './register-blob';

describe('registerBlobs', () => {
  it('records a stored blob once and never rewrites the row', async () => {
    const stored = await blobStore().put(Buffer.from('%PDF-1.7 not really'));
    const other = await blobStore().put(Buffer.from('another blob'));
    await registerBlobs(db(), [{ ...stored, mime: 'application/pdf' }]);
    await registerBlobs(db(), [
      { ...stored, mime: 'text/plain' },
      { ...other, mime: 'text/plain' },
    ]);

    const row = await db().blob.findUniqueOrThrow({ where: { sha256: stored.sha256 } });
    expect(row).toMatchObject({ sha256: stored.sha256, bytes: 19n, mime: 'application/pdf', storageKey: stored.storageKey });
    expect(await db().blob.count({ where: { sha256: { in: [stored.sha256, other.sha256] } } })).toBe(2);
  });
});
