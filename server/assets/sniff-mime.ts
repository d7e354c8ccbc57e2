import { fileTypeFromBuffer } from 'file-type';
import { blobStore } from '../storage/blob-store';

const HEAD_BYTES = 4100;
const MAX_CACHED = 5000;
// Blobs never change, so a sniffed type holds forever; seeking in a long video asks again and again.
const cache = new Map<string, string>();

/** The type the bytes themselves say (magic numbers), or application/octet-stream. */
export async function sniffMime(sha256: string, bytes: number): Promise<string> {
  const known = cache.get(sha256);
  if (known) return known;
  let mime = 'application/octet-stream';
  if (bytes > 0) {
    const stream = await blobStore().openRead(sha256, { start: 0, end: Math.min(bytes, HEAD_BYTES) - 1 });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    mime = (await fileTypeFromBuffer(Buffer.concat(chunks)))?.mime ?? mime;
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(sha256, mime);
  return mime;
}
