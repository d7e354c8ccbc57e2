import { createHash, randomBytes } from 'node:crypto';

// API tokens are random; only their sha256 is stored, so a database leak does not leak tokens.
export const TOKEN_PREFIX = 'loupe_';

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
