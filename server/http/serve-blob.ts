import { type Readable } from 'node:stream';
import { blobStore, type ByteRange } from '../storage/blob-store';

export interface ServedBlob {
  sha256: string;
  bytes: number;
  /** A type we determined (sniffed from the bytes, or made by our pipeline), never the uploader's claim. */
  mime: string;
  filename: string;
}

// Types a browser renders without running anything. Everything else (HTML, SVG, XML, PDF, unknown)
// is a download, so an uploaded file can never act as a page of ours.
const INLINE = /^(image\/(jpeg|png|webp|gif|avif)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/json)$/;

/**
 * Streams an immutable blob with HTTP caching (ETag = sha256) and single byte-range requests, plus
 * the headers that keep user content inert: nosniff, a sandboxing CSP, attachment for risky types.
 */
export async function serveBlob(req: Request, blob: ServedBlob): Promise<Response> {
  const inline = INLINE.test(blob.mime);
  const headers = new Headers({
    'content-type': inline ? blob.mime : 'application/octet-stream',
    'content-disposition': `${inline ? 'inline' : 'attachment'}; ${dispositionFilename(blob.filename)}`,
    etag: `"${blob.sha256}"`,
    'cache-control': 'private, max-age=31536000, immutable',
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  if (etagMatches(req.headers.get('if-none-match'), blob.sha256)) return new Response(null, { status: 304, headers });

  const range = parseRange(req.headers.get('range'), blob.bytes);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${blob.bytes}`);
    headers.set('content-type', 'text/plain');
    return new Response('Requested range not satisfiable', { status: 416, headers });
  }
  if (range && !ifRangeHolds(req.headers.get('if-range'), blob.sha256)) return full();
  if (!range) return full();
  headers.set('content-range', `bytes ${range.start}-${range.end}/${blob.bytes}`);
  headers.set('content-length', String(range.end - range.start + 1));
  return new Response(await body(blob.sha256, range), { status: 206, headers });

  async function full(): Promise<Response> {
    headers.set('content-length', String(blob.bytes));
    return new Response(blob.bytes === 0 ? null : await body(blob.sha256), { status: 200, headers });
  }
}

async function body(sha256: string, range?: ByteRange): Promise<ReadableStream<Uint8Array>> {
  return pullStream(await blobStore().openRead(sha256, range));
}

/**
 * The file as a web stream read as the client takes it. Not Readable.toWeb: on Node 20 a request the
 * browser cancels (a media element seeking away mid-range) makes it enqueue into the closed stream and
 * throw "Controller is already closed" as an uncaught exception (nodejs/node#54205).
 */
function pullStream(file: Readable): ReadableStream<Uint8Array> {
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (cancelled) return;
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    cancel() {
      cancelled = true;
      file.destroy();
    },
  });
}

/**
 * One `bytes=` range (`a-b`, `a-`, `-n`). Several ranges are answered with the whole body, which
 * HTTP allows; a malformed or unsatisfiable range is refused with 416.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(.+)$/.exec(header.trim());
  if (!match) return 'unsatisfiable';
  const specs = match[1]!.split(',');
  if (specs.length > 1) return null;
  const spec = /^\s*(\d*)-(\d*)\s*$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === '')) return 'unsatisfiable';
  if (spec[1] === '') {
    const suffix = Number(spec[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(spec[1]);
  const end = spec[2] === '' ? size - 1 : Math.min(Number(spec[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function etagMatches(header: string | null, sha256: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === `"${sha256}"`;
  });
}

// A range for a different version of the resource must not be spliced onto ours.
function ifRangeHolds(header: string | null, sha256: string): boolean {
  return !header || header.trim() === `"${sha256}"`;
}

function dispositionFilename(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
