import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { ZipFile } from 'yazl';

// A zip that is the same bytes every time it is built from the same content: entries in the order
// they are added, one fixed time and mode on every entry, deflate at a fixed level (Node's bundled
// zlib). Each entry's sha256 is taken while it streams in, and the last entry, `checksums.sha256`,
// lists them all (`sha256sum -c` reads it). Entries are produced lazily, one after the other, so a
// generator that reads the database runs only while its own entry is written.

export type EntryContent = () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export class ExportArchive {
  private zip = new ZipFile();
  private sums: [path: string, sha256: string][] = [];
  private options: { mtime: Date; mode: number };

  constructor(mtime: Date) {
    this.options = { mtime, mode: 0o100644 };
  }

  /** An entry whose content comes from `content` when the archive reaches it; `store` keeps bytes as they are (media). */
  add(path: string, content: EntryContent, { store = false } = {}) {
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush: (done) => {
        this.sums.push([path, hash.digest('hex')]);
        done();
      },
    });
    const options = { ...this.options, compress: !store, ...(store ? {} : { compressionLevel: 6 }) };
    this.zip.addReadStreamLazy(path, options, (ready) => {
      const source = Readable.from(coalesce(content()));
      // pipe() does not pass errors on: a failing source (a lost database connection) fails the whole archive.
      source.on('error', (error) => (this.zip.outputStream as Readable).destroy(error));
      ready(null, source.pipe(hashing));
    });
  }

  /** Ends the archive (after its checksums) and gives its bytes. */
  finish(): Readable {
    this.add('checksums.sha256', () => [this.sums.map(([path, sha]) => `${sha}  ${path}\n`).join('')]);
    this.zip.end();
    return this.zip.outputStream as Readable;
  }
}

/** Bytes this size: zlib works on the thread pool a chunk at a time, and a hop per line cost more than the deflating. */
const CHUNK_BYTES = 1 << 16;

async function* coalesce(parts: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    // Big chunks (media read from the store) pass as they are.
    if (size === 0 && bytes.length >= CHUNK_BYTES) {
      yield bytes;
      continue;
    }
    pending.push(bytes);
    size += bytes.length;
    if (size < CHUNK_BYTES) continue;
    yield Buffer.concat(pending, size);
    pending = [];
    size = 0;
  }
  if (size > 0) yield Buffer.concat(pending, size);
}
