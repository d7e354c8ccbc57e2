import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, buildUrl, callApi, errorsByPath } from './client';
import { defineOperation } from './operation';

// A real HTTP server stands in for the API, so requests go through the platform's fetch as in the browser.
type Reply = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let reply: Reply = (_req, _body, res) => res.end();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => reply(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const updateThing = defineOperation({
  id: 'updateThing',
  method: 'PATCH',
  path: '/projects/{projectId}/things/{thingId}',
  tag: 'Test',
  summary: 'test',
  params: z.object({ projectId: z.string(), thingId: z.string() }),
  query: z.object({ dryRun: z.boolean().optional(), tag: z.array(z.string()).optional() }),
  body: z.object({ name: z.string() }),
  response: z.object({ id: z.string(), name: z.string() }),
});

const deleteThing = defineOperation({
  id: 'deleteThing',
  method: 'DELETE',
  path: '/things/{thingId}',
  tag: 'Test',
  summary: 'test',
  params: z.object({ thingId: z.string() }),
  response: z.null(),
  status: 204,
});

function problem(res: ServerResponse, status: number, payload: object) {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', status, ...payload }));
}

describe('buildUrl', () => {
  it('substitutes and encodes path parameters and appends the query', () => {
    expect(
      buildUrl(
        '/projects/{projectId}/things/{thingId}',
        { projectId: 'a b/c', thingId: 'x?y' },
        { tag: ['p', 'q'], skip: undefined },
      ),
    ).toBe('/api/v1/projects/a%20b%2Fc/things/x%3Fy?tag=p&tag=q');
  });

  it('refuses a missing path parameter instead of calling a wrong URL', () => {
    expect(() => buildUrl('/things/{thingId}', {})).toThrow(/thingId/);
  });
});

describe('callApi', () => {
  it('sends the method, JSON body and query, and returns the parsed response', async () => {
    let seen: { method?: string; url?: string; type?: string; body?: string } = {};
    reply = (req, body, res) => {
      seen = { method: req.method, url: req.url, type: req.headers['content-type'], body };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 't1', name: 'renamed' }));
    };
    const result = await callApi(
      updateThing,
      { params: { projectId: 'demo', thingId: 't1' }, query: { dryRun: true }, body: { name: 'renamed' } },
      { origin },
    );
    expect(result).toEqual({ id: 't1', name: 'renamed' });
    expect(seen).toEqual({
      method: 'PATCH',
      url: '/api/v1/projects/demo/things/t1?dryRun=true',
      type: 'application/json',
      body: '{"name":"renamed"}',
    });
  });

  it('returns null for 204 No Content', async () => {
    reply = (_req, _body, res) => {
      res.writeHead(204);
      res.end();
    };
    await expect(callApi(deleteThing, { params: { thingId: 't1' } }, { origin })).resolves.toBeNull();
  });

  it('turns problem+json into an ApiError with code, detail and field errors', async () => {
    reply = (_req, _body, res) =>
      problem(res, 400, {
        title: 'Bad Request',
        detail: 'The request body is invalid: a name is required',
        code: 'VALIDATION',
        errors: [
          { in: 'body', path: 'name', message: 'a name is required' },
          { in: 'body', path: ['definition', 'classes', 0, 'name'], message: 'duplicate class name: car' },
        ],
      });
    const error = await callApi(updateThing, { params: { projectId: 'p', thingId: 't' }, body: { name: '' } }, { origin }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION');
    expect(apiError.message).toBe('The request body is invalid: a name is required');
    expect(errorsByPath(apiError)).toEqual({
      name: 'a name is required',
      'definition.classes.0.name': 'duplicate class name: car',
    });
  });

  it('uses the title when a problem has no detail, and a plain sentence for non-JSON errors', async () => {
    reply = (_req, _body, res) => problem(res, 404, { title: 'Not Found' });
    await expect(callApi(deleteThing, { params: { thingId: 'gone' } }, { origin })).rejects.toMatchObject({
      status: 404,
      code: 'HTTP_404',
      message: 'Not Found',
    });
    reply = (_req, _body, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<html>upstream down</html>');
    };
    await expect(callApi(deleteThing, { params: { thingId: 'x' } }, { origin })).rejects.toMatchObject({
      status: 502,
      message: 'The server answered 502 Bad Gateway.',
    });
  });

  it('reports an unreachable server as a network ApiError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(callApi(deleteThing, { params: { thingId: 'x' } }, { origin: deadOrigin })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
  });
});
