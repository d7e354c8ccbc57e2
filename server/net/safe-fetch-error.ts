import { AppError } from '../errors';

/**
 * - `refused`: the URL or an address it led to is not allowed (scheme, credentials, private
 *   address, metadata host): retrying cannot help.
 * - `http-status`: the origin answered with an error status (5xx, 408 and 429 are worth retrying).
 * - `too-large`, `too-many-redirects`: permanent for this URL.
 * - `timeout`, `network`: transient; worth retrying.
 */
export type SafeFetchFailure = 'refused' | 'http-status' | 'too-large' | 'too-many-redirects' | 'timeout' | 'network';

export class SafeFetchError extends AppError {
  constructor(
    readonly failure: SafeFetchFailure,
    message: string,
    readonly retryable = failure === 'timeout' || failure === 'network',
  ) {
    super('UNPROCESSABLE', message, { failure });
    this.name = 'SafeFetchError';
  }
}
