import type { RejectionCode } from './types';

/**
 * Bad input, not a failure of ours: the pipeline quarantines the asset with this reason instead of
 * retrying (a corrupt file stays corrupt) and the job completes.
 */
export class MediaRejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRejection';
  }

  get reason(): string {
    return `${this.code}: ${this.message}`;
  }
}
