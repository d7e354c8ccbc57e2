import dns from 'node:dns';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { text } from 'node:stream/consumers';
import { addressRefusal } from './address-policy';
import { safeFetch, type SafeFetchOptions } from './safe-fetch';
import { SafeFetchError } from './safe-fetch-error';
import { redirectTo, startTestOrigin, type TestOrigin } from './test-origin';

let origin: TestOrigin;
let other: TestOrigin;
let options: SafeFetchOptions;

beforeAll(async () => {
  other = await startTestOrigin({ '/secret': (_req, res) => res.end('internal data') });
  origin = await startTestOrigin({
    '/hello.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
    '/hop': redirectTo('/hello.txt'),
    '/to-other-port': redirectTo(`http://127.0.0.1:${other.port}/secret`),
    '/to-metadata': redirectTo('http://169.254.169.254/latest/meta-data/'),
    '/to-private': redirectTo('http://10.0.0.1/x'),
    '/to-file': redirectTo('file:///etc/passwd'),
    '/to-ftp': redirectTo('ftp://example.com/x'),
    '/to-mapped': redirectTo('http://[::ffff:127.0.0.1]/x'),
    '/loop': redirectTo('/loop'),
    '/big': (_req, res) => res.writeHead(200, { 'content-length': '2048' }).end(Buffer.alloc(2048)),
    '/big-chunked': (_req, res) => {
      res.writeHead(200);
      res.write(Buffer.alloc(600));
      res.end(Buffer.alloc(600));
    },
    '/slow': (_req, res) => {
      res.writeHead(200);
      res.write('a');
      setTimeout(() => res.end('b'), 2_000).unref();
    },
    '/gone': (_req, res) => res.writeHead(404).end(),
    '/rebind-hop': (_req, res) => res.writeHead(302, { location: `http://rebind.test:${origin.port}/hello.txt` }).end(),
    '/busy': (_req, res) => res.writeHead(503).end(),
  });
  // Only the origin itself (its exact address and port) is let through, the way a test server must be.
  options = { maxBytes: 1024, timeoutMs: 3_000, allowAddress: (t) => t.address === '127.0.0.1' && t.port === origin.port };
});

afterAll(async () => {
  await origin.close();
  await other.close();
});

async function failure(url: string, opts: Partial<SafeFetchOptions> = {}): Promise<SafeFetchError> {
  const error = await safeFetch(url, { ...options, ...opts })
    .then((r) => text(r.stream))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe('safeFetch', () => {
  it('fetches the allowed origin and follows a same-origin redirect', async () => {
    const result = await safeFetch(origin.url('/hop'), options);
    expect(await text(result.stream)).toBe('hello');
    expect(result.finalUrl).toBe(origin.url('/hello.txt'));
    expect(result.contentType).toBe('text/plain');
  });

  it.each([
    ['/to-other-port', /127\.0\.0\.1 is a loopback/],
    ['/to-metadata', /169\.254\.169\.254 is a link-local/],
    ['/to-private', /10\.0\.0\.1 is a private/],
    ['/to-file', /Only http and https.*file/],
    ['/to-ftp', /Only http and https.*ftp/],
    ['/to-mapped', /127\.0\.0\.1 is a loopback/],
  ])('refuses a redirect %s, re-checking the hop', async (path, message) => {
    const error = await failure(origin.url(path));
    expect(error.failure).toBe('refused');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
  });

  it('refuses literal private addresses, loopback names, metadata hosts and credentials without the test allowance', async () => {
    expect((await failure('http://10.1.2.3/x', { allowAddress: undefined })).message).toMatch(/private/);
    expect((await failure(origin.url('/hello.txt'), { allowAddress: undefined })).message).toMatch(/loopback/);
    expect((await failure(`http://localhost:${origin.port}/hello.txt`, { allowAddress: undefined })).message).toMatch(
      /Refused localhost \(.* loopback/,
    );
    expect((await failure('http://metadata.google.internal/computeMetadata/v1/')).message).toMatch(/metadata host/);
    expect((await failure('http://[fd00:ec2::254]/')).message).toMatch(/unique-local/);
    expect((await failure(`http://user:pw@127.0.0.1:${origin.port}/hello.txt`)).message).toMatch(/credentials/);
  });

  it('caps the body by Content-Length and while streaming', async () => {
    expect((await failure(origin.url('/big'))).failure).toBe('too-large');
    expect((await failure(origin.url('/big-chunked'))).failure).toBe('too-large');
  });

  it('times out a slow body within the overall deadline', async () => {
    const started = Date.now();
    const error = await failure(origin.url('/slow'), { timeoutMs: 300 });
    expect(error.failure).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops after too many redirects', async () => {
    expect((await failure(origin.url('/loop'), { maxRedirects: 3 })).failure).toBe('too-many-redirects');
  });

  it('reports error statuses, retryable only for server-side trouble', async () => {
    const gone = await failure(origin.url('/gone'));
    expect([gone.failure, gone.retryable, gone.message]).toEqual([
      'http-status',
      false,
      `HTTP 404 from 127.0.0.1:${origin.port}`,
    ]);
    expect((await failure(origin.url('/busy'))).retryable).toBe(true);
  });
});

// DNS rebinding: a name whose answers change between look-ups. Node's resolver is stubbed (there is
// no DNS server here); the connection itself is real, to the origin on 127.0.0.1.
describe('safeFetch against DNS rebinding', () => {
  afterEach(() => vi.restoreAllMocks());

  function answers(...addresses: string[]) {
    const queue = [...addresses];
    return vi
      .spyOn(dns.promises, 'lookup')
      .mockImplementation(async () => [{ address: queue.shift() ?? '10.0.0.1', family: 4 }] as never);
  }

  it('connects to the address it checked: a second answer is never asked for', async () => {
    const lookups = answers('127.0.0.1', '10.0.0.1');
    const socketLookup = vi.spyOn(dns, 'lookup');
    const result = await safeFetch(`http://rebind.test:${origin.port}/hello.txt`, options);
    expect(await text(result.stream)).toBe('hello');
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(socketLookup).not.toHaveBeenCalled();
  });

  it('resolves the name again on a redirect, and refuses it when it now points inside', async () => {
    const lookups = answers('127.0.0.1', '10.0.0.1');
    const error = await failure(`http://rebind.test:${origin.port}/rebind-hop`);
    expect(lookups).toHaveBeenCalledTimes(2);
    expect(error.failure).toBe('refused');
    expect(error.message).toMatch(/rebind\.test \(10\.0\.0\.1 is a private/);
  });

  it('refuses a name when any of its answers is private, even beside a public one', async () => {
    vi.spyOn(dns.promises, 'lookup').mockImplementation(
      async () =>
        [
          { address: '8.8.8.8', family: 4 },
          { address: '192.168.0.7', family: 4 },
        ] as never,
    );
    expect((await failure('http://mixed.test/x')).message).toMatch(/192\.168\.0\.7 is a private/);
  });
});

describe('addressRefusal', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '168.63.129.16',
  ])('refuses %s', (address) => expect(addressRefusal(address)).not.toBeNull());
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (address) =>
    expect(addressRefusal(address)).toBeNull(),
  );
});
