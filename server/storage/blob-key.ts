import { AppError } from '@/server/errors';

// A blob's name is its sha256 in lowercase hex and nothing else: the check runs before the name
// becomes part of a path or an object key, so no input can walk out of the store (no `..`, no `/`).
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function assertSha256(value: string): string {
  if (!isSha256(value)) throw new AppError('VALIDATION', 'not a sha256 digest (64 lowercase hex characters)');
  return value;
}

// Two levels of fan-out (ab/cd/<sha256>) keep any one directory small at millions of blobs.
export function storageKeyFor(sha256: string): string {
  assertSha256(sha256);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
