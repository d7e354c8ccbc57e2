import { MediaRejection } from '../media-rejection';

/**
 * sharp reports bad input and its own limits as plain errors; these are the messages of libvips
 * 8.18 / sharp 0.35. A failure while decoding the file is a property of the file (corrupt), so it
 * is quarantined rather than retried.
 */
export function rejectionFromSharp(error: unknown): MediaRejection {
  const message = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit/i.test(message)) {
    return new MediaRejection('decompression_bomb', 'the image declares more pixels than the configured limit');
  }
  if (/^timeout/i.test(message)) return new MediaRejection('timeout', `image processing ${message}`);
  return new MediaRejection('corrupt', message.split('\n')[0]?.trim() || 'the image cannot be decoded');
}
