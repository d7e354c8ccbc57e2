import { stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { MediaRejection } from './media-rejection';

export interface SniffedType {
  /** IMAGE goes to sharp; TIMED (audio or video) to ffprobe, which decides which of the two it is. */
  family: 'IMAGE' | 'TIMED';
  mime: string;
  ext: string;
}

// Formats sharp's prebuilt libvips decodes. HEIC, camera raws, BMP, PSD… are images we cannot
// open, so they are refused here rather than failing later in a thumbnailer.
const IMAGE_MIMES = new Set(['image/jpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp', 'image/tiff', 'image/avif']);

// Tracker modules and MIDI are "audio" to file-type but carry no waveform ffmpeg can render.
const NOT_WAVEFORM = new Set(['audio/midi', 'audio/x-it', 'audio/x-s3m', 'audio/x-xm']);

/**
 * What the bytes are, from their magic numbers: the file name and the declared type are never
 * trusted (a PNG named .mp4 is a PNG). Markup (HTML, SVG, XML) and anything unrecognised is refused:
 * it could run in a browser, and no labeling editor opens it.
 */
export async function sniffMedia(filePath: string): Promise<SniffedType> {
  if ((await stat(filePath)).size === 0) throw new MediaRejection('zero_length', 'the file is empty');
  const found = await fileTypeFromFile(filePath);
  if (!found) throw new MediaRejection('unsupported_type', 'not a recognised image, audio or video format');
  if (IMAGE_MIMES.has(found.mime)) return { family: 'IMAGE', mime: found.mime, ext: found.ext };
  const timed =
    (found.mime.startsWith('audio/') || found.mime.startsWith('video/') || found.mime === 'application/ogg') &&
    !NOT_WAVEFORM.has(found.mime);
  if (timed) return { family: 'TIMED', mime: found.mime, ext: found.ext };
  throw new MediaRejection('unsupported_type', `${found.mime} is not a supported media type`);
}
