import type { DerivativeKind } from '../generated/prisma/enums';

/**
 * A derivative a media function made, before it is stored: a file in its work directory (ffmpeg
 * output) or bytes in memory (image thumbnails, a few kB each).
 */
export type Derivative = DerivativeFile | DerivativeBytes;
export type DerivativeFile = DerivativeInfo & { path: string };
export type DerivativeBytes = DerivativeInfo & { data: Buffer };

interface DerivativeInfo {
  kind: DerivativeKind;
  /** "" when an asset has one of this kind; e.g. "256" / "1024" for thumbnail sizes. */
  variant: string;
  mime: string;
  /** How it was made (size, codec, bitrate, peaks resolutions…), kept for lineage. */
  params: Record<string, unknown>;
  tool: string;
  toolVersion: string;
}

/** Why a file cannot enter the dataset. Stored on the asset as `failureReason` (`code: message`). */
export type RejectionCode =
  | 'zero_length'
  | 'unsupported_type'
  | 'corrupt'
  | 'unsupported_codec'
  | 'decompression_bomb'
  | 'too_long'
  | 'timeout'
  | 'duplicate';
