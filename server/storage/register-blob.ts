import type { Db, Tx } from '@/server/db';
import type { PutResult } from './blob-store';

export interface BlobRecord extends Pick<PutResult, 'sha256' | 'bytes' | 'storageKey'> {
  mime: string;
}

// The rows that let assets and derivatives point at stored bytes, in one statement. Blobs are
// immutable, so an existing row is left as it is: registering the same content twice is a no-op.
export async function registerBlobs(client: Db | Tx, blobs: BlobRecord[]): Promise<void> {
  await client.blob.createMany({
    data: blobs.map((blob) => ({ sha256: blob.sha256, bytes: BigInt(blob.bytes), mime: blob.mime, storageKey: blob.storageKey })),
    skipDuplicates: true,
  });
}
