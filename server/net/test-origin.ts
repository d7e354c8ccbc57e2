import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP origin on 127.0.0.1 for the URL-import tests: each path is a small handler.
export type OriginRoute = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestOrigin {
  port: number;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startTestOrigin(routes: Record<string, OriginRoute>): Promise<TestOrigin> {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) return route(req, res);
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const redirectTo =
  (location: string, status = 302): OriginRoute =>
  (_req, res) =>
    res.writeHead(status, { location }).end();
