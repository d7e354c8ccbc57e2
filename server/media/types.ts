import type { DerivativeKind } from '../generated/prisma/enums';

/** A derivative file a media function made in its work directory, before it is stored. */
export interface DerivativeFile {
  kind: DerivativeKind;
  /** "" when an asset has one of this kind; e.g. "256" / "1024" for thumbnail sizes. */
  variant: string;
  path: string;
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
