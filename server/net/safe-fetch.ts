import dns from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type Readable, Transform } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { addressRefusal, hostnameRefusal } from './address-policy';
import { SafeFetchError } from './safe-fetch-error';

/** Lets an otherwise refused address through: for tests only, and only ever set in code. */
export type AddressAllowance = (target: { address: string; port: number }) => boolean;

export interface SafeFetchOptions {
  maxBytes: number;
  /** One deadline for everything: DNS, every hop, and reading the body. */
  timeoutMs: number;
  maxRedirects?: number;
  allowAddress?: AddressAllowance;
}

export interface SafeFetchResult {
  finalUrl: string;
  contentType: string | null;
  /** Content-Length as announced (null when absent); the stream enforces maxBytes either way. */
  declaredBytes: number | null;
  /** The body; errors with a SafeFetchError past maxBytes or the deadline. Read it or destroy it. */
  stream: Readable;
}

interface Target {
  url: URL;
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
let testAllowance: AddressAllowance | undefined;

/**
 * For integration tests whose origin server listens on 127.0.0.1 inside a worker: in-process only,
 * never from configuration or a request, and refused in production.
 */
export function allowAddressesForTests(allowance: AddressAllowance | undefined): void {
  if (process.env.NODE_ENV === 'production') throw new Error('allowAddressesForTests is not available in production');
  testAllowance = allowance;
}

/**
 * GET an untrusted http(s) URL without letting it reach internal services (SSRF): each hop's host is
 * resolved once, every resolved address must be public, and the connection goes to that checked
 * address (a custom `lookup`), so a second DNS answer cannot swap in a private one. Redirects are
 * followed by hand and re-checked; size and total time are capped.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const allow = options.allowAddress ?? testAllowance;
  const maxRedirects = options.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let current = checkUrl(url);
    for (let hop = 0; ; hop++) {
      const target = await resolveTarget(current, allow, controller.signal);
      const response = await send(target, controller.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status) && response.headers.location) {
        response.destroy();
        if (hop >= maxRedirects) throw new SafeFetchError('too-many-redirects', `More than ${maxRedirects} redirects`);
        current = checkUrl(new URL(response.headers.location, current).href);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        const retryable = status >= 500 || status === 408 || status === 429;
        throw new SafeFetchError('http-status', `HTTP ${status} from ${current.host}`, retryable);
      }
      const declared = response.headers['content-length'] ? Number(response.headers['content-length']) : null;
      if (declared !== null && declared > options.maxBytes) {
        response.destroy();
        throw tooLarge(options.maxBytes);
      }
      const stream = capped(response, options.maxBytes, controller.signal, () => clearTimeout(timer));
      return { finalUrl: current.href, contentType: response.headers['content-type'] ?? null, declaredBytes: declared, stream };
    }
  } catch (error) {
    clearTimeout(timer);
    throw asFetchError(error, controller.signal, options.timeoutMs);
  }
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('refused', 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('refused', `Only http and https URLs are fetched (got ${url.protocol.replace(/:$/, '')})`);
  }
  if (url.username || url.password) throw new SafeFetchError('refused', 'URLs with credentials are refused');
  return url;
}

async function resolveTarget(url: URL, allow: AddressAllowance | undefined, signal: AbortSignal): Promise<Target> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const nameRefusal = hostnameRefusal(hostname);
  if (nameRefusal) throw new SafeFetchError('refused', `Refused: ${nameRefusal}`);
  const addresses = ipaddr.isValid(hostname)
    ? [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }]
    : await abortable(dns.promises.lookup(hostname, { all: true, verbatim: true }), signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw new SafeFetchError('network', `Could not resolve ${hostname}`);
      });
  // Every answer must be acceptable: a name with one private address among public ones is refused.
  for (const { address } of addresses) {
    const refusal = addressRefusal(address);
    if (refusal && !allow?.({ address, port })) {
      throw new SafeFetchError('refused', `Refused ${address === hostname ? '' : `${hostname} `}(${refusal})`);
    }
  }
  const first = addresses[0];
  if (!first) throw new SafeFetchError('network', `${hostname} has no address`);
  return { url, hostname, port, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function send(target: Target, signal: AbortSignal): Promise<IncomingMessage> {
  // The socket connects to the address checked above, never to a fresh DNS answer.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: 'GET',
        headers: { host: target.url.host, 'user-agent': 'Loupe-import/1', accept: '*/*', 'accept-encoding': 'identity' },
        lookup,
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

function capped(source: IncomingMessage, maxBytes: number, signal: AbortSignal, done: () => void): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(asFetchError(error, signal)));
  counter.on('close', () => {
    done();
    source.destroy();
  });
  return source.pipe(counter);
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function tooLarge(maxBytes: number): SafeFetchError {
  return new SafeFetchError('too-large', `The file is larger than the ${maxBytes}-byte limit`);
}

function asFetchError(error: unknown, signal: AbortSignal, timeoutMs?: number): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  if (signal.aborted) return new SafeFetchError('timeout', `Timed out${timeoutMs ? ` after ${timeoutMs} ms` : ''}`);
  const code = (error as NodeJS.ErrnoException).code;
  return new SafeFetchError('network', `Network error${code ? ` (${code})` : ''}: ${(error as Error).message}`);
}
