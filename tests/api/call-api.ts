import { listRouteFiles } from './route-table';

const ROUTES = listRouteFiles();

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is (malformed JSON, size tests, file bytes); overrides `body`. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls the route module that `next start` would route `method path` to. */
export async function callApi(method: string, pathWithQuery: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(`http://localhost/api/v1${pathWithQuery}`);
  const apiPath = url.pathname.slice('/api/v1'.length);
  const route = ROUTES.find((r) => r.pattern.test(apiPath));
  if (!route) throw new Error(`no route file serves ${apiPath}`);
  const values = route.pattern.exec(apiPath)!.slice(1).map(decodeURIComponent);
  const params = Object.fromEntries(route.paramNames.map((name, i) => [name, values[i]!]));
  const module = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
  const handler = module[method];
  if (!handler) return new Response(null, { status: 405 });
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return handler(new Request(url, { method, headers, body: body as BodyInit | undefined }), { params: Promise.resolve(params) });
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
