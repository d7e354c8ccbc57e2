import { rows, sql, type SqlClient } from '@/server/sql';
import type { PutResult } from './blob-store';

export interface BlobRecord extends Pick<PutResult, 'sha256' | 'bytes' | 'storageKey'> {
  mime: string;
}

// The rows that let assets and derivatives point at stored bytes, in one statement. Blobs are
// immutable, so an existing row is left as it is: registering the same content twice is a no-op.
export async function registerBlobs(client: SqlClient, blobs: BlobRecord[]): Promise<void> {
  await rows(
    sql`INSERT INTO "Blob" (sha256, bytes, mime, "storageKey", "createdAt")
      SELECT sha256, bytes, mime, key, now()
      FROM unnest(${blobs.map((b) => b.sha256)}::text[], ${blobs.map((b) => String(b.bytes))}::bigint[],
        ${blobs.map((b) => b.mime)}::text[], ${blobs.map((b) => b.storageKey)}::text[]) AS b(sha256, bytes, mime, key)
      ON CONFLICT (sha256) DO NOTHING`,
    client,
  );
}
