import { strFromU8, unzipSync } from 'fflate';
import { blobStore } from '@/server/storage/blob-store';

/** A stored zip's entries as text, read with an independent unzip (fflate), in the archive's order. */
export async function readZip(sha256: string): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobStore().openRead(sha256)) chunks.push(chunk as Buffer);
  return Object.fromEntries(Object.entries(unzipSync(Buffer.concat(chunks))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
