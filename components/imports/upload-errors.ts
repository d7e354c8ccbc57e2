import { DetailedError } from 'tus-js-client';
import { formatBytes } from '../assets/asset-format';

export type UploadFailure =
  { kind: 'busy'; retryInSec: number } | { kind: 'fatal'; message: string } | { kind: 'transient'; message: string };

/**
 * What a failed tus request means for the person uploading: the pipeline is saturated (429: wait and
 * try again, as the server's Retry-After says), the file can never go in (413, 4xx), or the network
 * gave up after tus-js-client's own retries (worth a manual retry).
 */
export function describeUploadError(error: Error, fileSize: number): UploadFailure {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  if (status === 429) {
    const after = Number(response?.getHeader('Retry-After'));
    return { kind: 'busy', retryInSec: Number.isFinite(after) && after > 0 ? Math.min(after, 300) : 5 };
  }
  const detail = problemDetail(response?.getBody());
  if (status === 413)
    return { kind: 'fatal', message: `Too large (${formatBytes(fileSize)}): ${detail ?? 'the server refuses files this big.'}` };
  if (status === 401) return { kind: 'fatal', message: 'Your session ended: sign in again, then drop the file again to resume.' };
  if (status === 403) return { kind: 'fatal', message: detail ?? 'You may not import into this project.' };
  if (status >= 400 && status < 500) return { kind: 'fatal', message: detail ?? `Refused (${status}).` };
  if (status >= 500) return { kind: 'transient', message: detail ?? `The server failed (${status}).` };
  return { kind: 'transient', message: 'The connection dropped. Retry to continue from where it stopped.' };
}

function problemDetail(body: string | undefined): string | null {
  if (!body) return null;
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown };
    const text = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : null;
    return text || null;
  } catch {
    return body.length < 200 ? body.trim() || null : null;
  }
}
