import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/server/errors';
import { storageKeyFor } from './blob-key';
import type { BlobSource, BlobStore, ByteRange, PutOptions, PutResult } from './blob-store';

// Blobs live at <root>/ab/cd/<sha256>. A put streams into <root>/.tmp (same filesystem, so the final
// rename is atomic) while hashing, because a stream's name is only known once it has been read:
// readers never see a half-written blob, and two writers of the same content both end with one file.
export function createLocalBlobStore(root: string): BlobStore {
  const tmpDir = path.join(root, '.tmp');
  const fileOf = (sha256: string) => path.join(root, storageKeyFor(sha256));

  async function statOf(sha256: string): Promise<{ bytes: number } | null> {
    try {
      return { bytes: (await stat(fileOf(sha256))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function put(source: BlobSource, options: PutOptions = {}): Promise<PutResult> {
    if (source instanceof Uint8Array) {
      const sha256 = createHash('sha256').update(source).digest('hex');
      if (await statOf(sha256)) return { sha256, bytes: source.byteLength, storageKey: storageKeyFor(sha256), created: false };
    }
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    try {
      const { sha256, bytes } = await writeHashed(tmp, source instanceof Uint8Array ? [source] : source, options.maxBytes);
      const target = fileOf(sha256);
      if (await statOf(sha256)) {
        await unlink(tmp);
        return { sha256, bytes, storageKey: storageKeyFor(sha256), created: false };
      }
      await mkdir(path.dirname(target), { recursive: true });
      await chmod(tmp, 0o444);
      await rename(tmp, target);
      return { sha256, bytes, storageKey: storageKeyFor(sha256), created: true };
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
  }

  async function openRead(sha256: string, range?: ByteRange) {
    const found = await statOf(sha256);
    if (!found) throw new AppError('NOT_FOUND', 'blob not found');
    if (range && (range.start < 0 || range.end < range.start || range.end >= found.bytes)) {
      throw new AppError('VALIDATION', 'byte range outside the blob');
    }
    return createReadStream(fileOf(sha256), range ? { start: range.start, end: range.end } : {});
  }

  async function localPath(sha256: string) {
    if (!(await statOf(sha256))) throw new AppError('NOT_FOUND', 'blob not found');
    return fileOf(sha256);
  }

  // The name is checked (fileOf → storageKeyFor) before it becomes a path: nothing outside the root
  // can be named. The fan-out folders stay: another blob may land in them at any moment.
  async function remove(sha256: string) {
    try {
      await unlink(fileOf(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  return { put, has: async (sha256) => (await statOf(sha256)) !== null, stat: statOf, openRead, localPath, delete: remove };
}

async function writeHashed(file: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes?: number) {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(file, 'wx');
  try {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      if (maxBytes !== undefined && bytes > maxBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', `larger than the limit of ${maxBytes} bytes`);
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
    // Durable before it becomes visible under its name.
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}
