import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store';
import { createLocalBlobStore } from './local-blob-store';

const HELLO = Buffer.from('hello world');
// sha256("hello world"), computed elsewhere: the store must not be the only judge of its own hashes.
const HELLO_SHA = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

let root: string;
let store: BlobStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'loupe-blobs-'));
  store = createLocalBlobStore(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('local blob store', () => {
  it('stores content once under ab/cd/<sha256>, however often it is put', async () => {
    const first = await store.put(HELLO);
    const second = await store.put(Buffer.from('hello world'));
    expect(first).toEqual({ sha256: HELLO_SHA, bytes: 11, storageKey: `b9/4d/${HELLO_SHA}`, created: true });
    expect(second).toMatchObject({ sha256: HELLO_SHA, created: false });
    expect(await filesUnder(root)).toEqual([path.join('b9', '4d', HELLO_SHA)]);
    expect(await readFile(path.join(root, 'b9', '4d', HELLO_SHA), 'utf8')).toBe('hello world');
  });

  it('hashes a stream as it writes it and leaves no temporary file behind', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const expected = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    const result = await store.put(Readable.from(chunks));
    expect(result).toMatchObject({ sha256: expected, bytes: 500_000, created: true });
    expect(await store.stat(expected)).toEqual({ bytes: 500_000 });
    expect(await readdir(path.join(root, '.tmp'))).toEqual([]);
    expect((await store.put(Readable.from(chunks))).created).toBe(false);
  });

  it('keeps one file when the same content is put concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(Readable.from([HELLO]))));
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([HELLO_SHA]));
    expect(await filesUnder(root)).toEqual([path.join('b9', '4d', HELLO_SHA)]);
  });

  it('makes stored blobs read-only', async () => {
    await store.put(HELLO);
    expect((await stat(await store.localPath(HELLO_SHA))).mode & 0o222).toBe(0);
  });

  it('reads a whole blob or an inclusive byte range', async () => {
    await store.put(HELLO);
    expect(await text(await store.openRead(HELLO_SHA))).toBe('hello world');
    expect(await text(await store.openRead(HELLO_SHA, { start: 6, end: 10 }))).toBe('world');
    await expect(store.openRead(HELLO_SHA, { start: 5, end: 11 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('answers absent blobs with false, null and NOT_FOUND', async () => {
    const missing = 'a'.repeat(64);
    expect(await store.has(missing)).toBe(false);
    expect(await store.stat(missing)).toBeNull();
    await expect(store.openRead(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.localPath(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    '../x',
    '../../etc/passwd',
    `../${HELLO_SHA.slice(3)}`,
    `b9/4d/${HELLO_SHA}`,
    HELLO_SHA.toUpperCase(),
    `${HELLO_SHA}\0`,
    HELLO_SHA.slice(1),
    '',
  ])('refuses %j as a blob name before touching the filesystem', async (name) => {
    await store.put(HELLO);
    await expect(store.has(name)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(store.stat(name)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(store.openRead(name)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(store.localPath(name)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(store.delete(name)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await store.has(HELLO_SHA)).toBe(true);
  });

  it('deletes a blob (read-only as it is), answers false the second time, and a put brings it back', async () => {
    await store.put(HELLO);
    await store.put(Buffer.from('another'));
    expect(await store.delete(HELLO_SHA)).toBe(true);
    expect(await store.has(HELLO_SHA)).toBe(false);
    await expect(store.openRead(HELLO_SHA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.delete(HELLO_SHA)).toBe(false);
    expect(await filesUnder(root)).toHaveLength(1);
    expect((await store.put(HELLO)).created).toBe(true);
    expect(await text(await store.openRead(HELLO_SHA))).toBe('hello world');
  });

  it('refuses content over maxBytes and keeps nothing of it', async () => {
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(store.put(big, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await filesUnder(root)).toEqual([]);
    expect((await store.put(Buffer.alloc(1000), { maxBytes: 1000 })).created).toBe(true);
  });
});
