import path from 'node:path';
import type { Readable } from 'node:stream';
import { env } from '@/server/env';
import { createLocalBlobStore } from './local-blob-store';

export type BlobSource = Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  // Refuse (413) and keep nothing once more than this many bytes have arrived.
  maxBytes?: number;
}

export interface PutResult {
  sha256: string;
  bytes: number;
  storageKey: string;
  // false when the content was already stored: puts are idempotent.
  created: boolean;
}

// Inclusive byte offsets, as in an HTTP Range header.
export interface ByteRange {
  start: number;
  end: number;
}

// Content-addressed and immutable: a blob is named by the sha256 of its bytes and never changes.
// Kept to these few calls so an S3-compatible driver can implement the same contract.
export interface BlobStore {
  put(source: BlobSource, options?: PutOptions): Promise<PutResult>;
  has(sha256: string): Promise<boolean>;
  // null when absent.
  stat(sha256: string): Promise<{ bytes: number } | null>;
  // Throws NOT_FOUND when absent.
  openRead(sha256: string, range?: ByteRange): Promise<Readable>;
  // A file path for tools that need one (ffprobe, ffmpeg). The local driver returns the blob's own
  // file; a remote driver would download to a local cache first. Treat the file as read-only.
  localPath(sha256: string): Promise<string>;
  // Removes the blob; false when it was not there. The caller decides that nothing refers to it any
  // more (server/storage/delete-unreferenced-blob.ts): the store only checks the name.
  delete(sha256: string): Promise<boolean>;
}

let cached: BlobStore | undefined;

export function blobStore(): BlobStore {
  cached ??= createLocalBlobStore(path.resolve(env().DATA_DIR, 'blobs'));
  return cached;
}
