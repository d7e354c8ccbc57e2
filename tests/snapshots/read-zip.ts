import { blobStore } from '@/server/storage/blob-store';
import { unzipText } from '../unzip-text';

/** A stored zip's entries as text. */
export async function readZip(sha256: string): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobStore().openRead(sha256)) chunks.push(chunk as Buffer);
  return unzipText(Buffer.concat(chunks));
}
