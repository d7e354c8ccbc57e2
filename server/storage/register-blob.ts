import type { Db, Tx } from '@/server/db';
import type { PutResult } from './blob-store';

export interface BlobRecord extends Pick<PutResult, 'sha256' | 'bytes' | 'storageKey'> {
  mime: string;
}

// The row that lets assets and derivatives point at stored bytes. Blobs are immutable, so an
// existing row is left as it is: registering the same content twice is a no-op.
export async function registerBlob(client: Db | Tx, blob: BlobRecord) {
  return client.blob.upsert({
    where: { sha256: blob.sha256 },
    create: { sha256: blob.sha256, bytes: BigInt(blob.bytes), mime: blob.mime, storageKey: blob.storageKey },
    update: {},
  });
}
