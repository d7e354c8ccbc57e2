import path from 'node:path';
import type { AssetKind } from '../generated/prisma/enums';

const BY_EXTENSION: Record<string, AssetKind> = {
  '.jpg': 'IMAGE',
  '.jpeg': 'IMAGE',
  '.png': 'IMAGE',
  '.webp': 'IMAGE',
  '.gif': 'IMAGE',
  '.tif': 'IMAGE',
  '.tiff': 'IMAGE',
  '.avif': 'IMAGE',
  '.bmp': 'IMAGE',
  '.wav': 'AUDIO',
  '.mp3': 'AUDIO',
  '.flac': 'AUDIO',
  '.ogg': 'AUDIO',
  '.opus': 'AUDIO',
  '.m4a': 'AUDIO',
  '.aac': 'AUDIO',
  '.mp4': 'VIDEO',
  '.mov': 'VIDEO',
  '.mkv': 'VIDEO',
  '.webm': 'VIDEO',
  '.avi': 'VIDEO',
  '.m4v': 'VIDEO',
};

/**
 * A first guess from the name and declared type, so a RAW asset shows in the right place at once;
 * the ingest stage sniffs the bytes and corrects it (or quarantines the file).
 */
export function guessKind(filename: string, declaredMime?: string): AssetKind {
  const byName = BY_EXTENSION[path.extname(filename).toLowerCase()];
  if (byName) return byName;
  if (declaredMime?.startsWith('audio/')) return 'AUDIO';
  if (declaredMime?.startsWith('video/')) return 'VIDEO';
  return 'IMAGE';
}
