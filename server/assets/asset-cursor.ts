import { AppError } from '../errors';

// Keyset cursor for "newest first": the last row's createdAt and id, opaque to clients.

export function encodeAssetCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeAssetCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError('VALIDATION', 'The cursor is not one this API gave out', [
      { in: 'query', path: 'cursor', message: 'invalid' },
    ]);
  }
  return { createdAt, id };
}
