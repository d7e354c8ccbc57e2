import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

// A zip that is the same bytes every time it is built from the same content (fflate's streaming zip:
// entries in the order they are added, one fixed time on every entry, deflate at a fixed level, all
// in pinned JavaScript). Each entry's sha256 is taken as it is written, and the last entry,
// `checksums.sha256`, lists them all (`sha256sum -c` reads it). Entries are written one after the
// other as the reader of `output` takes the bytes: an entry's content (a generator reading the
// database) runs only at its turn, and `room()` holds whoever adds entries to a few dozen ahead, so
// an export of 100,000 label files keeps only those few in memory. (yazl, before, scanned its whole
// entry list at every step: 100,000 entries took 80 s and 570 MB.)

export type EntryContent = () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** `small`: stored when the whole content is under SMALL_FILE characters, deflated otherwise. */
type Store = boolean | 'small';

interface Entry {
  path: string;
  content: EntryContent;
  store: Store;
}

/** Entries added but not yet written that `room()` lets wait. */
const WAITING_ENTRIES = 64;
/** Text shorter than this is stored, not deflated: a label file of a few hundred bytes gains nothing. */
const SMALL_FILE = 16_384;
/** Bytes a chunk: entries are fed in pieces this size, not a line at a time. */
const CHUNK_BYTES = 1 << 16;

export class ExportArchive {
  private zip: Zip;
  private waiting: Entry[] = [];
  private sums: [path: string, sha256: string][] = [];
  private wakers: (() => void)[] = [];
  private failure: Error | null = null;
  private ending = false;
  private pumping: Promise<void> | null = null;
  private canPush: (() => void) | null = null;
  /** The zip's bytes, to be read from the start (the archive waits for its reader). */
  readonly output: Readable;

  constructor(private readonly mtime: Date) {
    this.output = new Readable({ read: () => this.resume() });
    this.zip = new Zip((error, chunk, final) => {
      if (error) return this.fail(error);
      this.output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (final) this.output.push(null);
    });
    this.output.on('error', (error) => this.fail(error));
  }

  /**
   * An entry whose content comes from `content` when the archive reaches it; `store` keeps bytes as
   * they are (media), `'small'` decides by size (see SMALL_FILE) once that much has been read.
   */
  add(path: string, content: EntryContent, { store = false }: { store?: Store } = {}) {
    this.waiting.push({ path, content, store });
    this.pumping ??= this.pump();
  }

  /** A whole file known in advance (small ones are stored, see SMALL_FILE). */
  addText(path: string, text: string) {
    this.add(path, () => [text], { store: 'small' });
  }

  /** Resolves once few enough added entries are still waiting to be written; throws when the archive failed. */
  async room(): Promise<void> {
    while (this.waiting.length >= WAITING_ENTRIES && !this.failure) await new Promise<void>((wake) => this.wakers.push(wake));
    if (this.failure) throw this.failure;
  }

  /** Ends the archive with its checksums: no entry may be added after. */
  end() {
    this.add('checksums.sha256', () => [this.sums.map(([path, sha]) => `${sha}  ${path}\n`).join('')]);
    this.ending = true;
  }

  /** Ends the archive when `build` has added every entry, while `store` reads `output`; a failure on either side fails both. */
  async build<T>(store: (output: Readable) => Promise<T>, build: () => Promise<void>): Promise<T> {
    const stored = store(this.output);
    try {
      await build();
      this.end();
    } catch (error) {
      this.fail(error as Error);
      await stored.catch(() => undefined);
      throw error;
    }
    return stored;
  }

  /** Writes the waiting entries in order while there are some; ends the zip after the last. */
  private async pump() {
    try {
      for (let entry = this.waiting[0]; entry; entry = this.waiting[0]) {
        await this.write(entry);
        this.waiting.shift();
        this.wake();
      }
      if (this.ending) this.zip.end();
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.pumping = null;
      // An entry added while the last one was written, after the loop had seen an empty list.
      if (this.waiting.length > 0 && !this.failure) this.pumping = this.pump();
    }
  }

  private async write({ path, content, store }: Entry) {
    const { stored, parts } = store === 'small' ? await bySize(content()) : { stored: store, parts: content() };
    const file = stored ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    file.mtime = this.mtime;
    this.zip.add(file);
    const hash = createHash('sha256');
    for await (const chunk of coalesce(parts)) {
      if (this.failure) throw this.failure;
      hash.update(chunk);
      file.push(chunk);
      await this.readerReady();
    }
    file.push(new Uint8Array(0), true);
    this.sums.push([path, hash.digest('hex')]);
  }

  /** Waits while the reader of `output` has not asked for more (backpressure). */
  private readerReady(): Promise<void> {
    if (this.output.readableLength < this.output.readableHighWaterMark) return Promise.resolve();
    return new Promise((resolve) => (this.canPush = resolve));
  }

  private resume() {
    const resolve = this.canPush;
    this.canPush = null;
    resolve?.();
  }

  private fail(error: Error) {
    if (this.failure) return;
    this.failure = error;
    this.output.destroy(error);
    this.wake();
    this.resume();
  }

  private wake() {
    for (const wake of this.wakers.splice(0)) wake();
  }
}

type Parts = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Reads parts until SMALL_FILE characters have come (then the entry is deflated) or the content ends
 * short (stored): at most that much is held. Characters, not bytes, count for text (as `text.length`
 * always did), so a streamed file is stored or deflated exactly as the same text added whole.
 */
async function bySize(parts: Parts): Promise<{ stored: boolean; parts: Parts }> {
  const iterator = (Symbol.asyncIterator in parts ? parts[Symbol.asyncIterator]() : parts[Symbol.iterator]()) as
    AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>;
  const head: (string | Uint8Array)[] = [];
  for (let length = 0; length < SMALL_FILE;) {
    const next = await iterator.next();
    if (next.done) return { stored: true, parts: head };
    head.push(next.value);
    length += next.value.length;
  }
  async function* rest() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { stored: false, parts: rest() };
}

async function* coalesce(parts: Parts): AsyncGenerator<Buffer> {
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
