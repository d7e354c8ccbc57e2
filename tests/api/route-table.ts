import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The real Next route modules under app/api/v1, found on disk and called in-process: the same code
// `next start` runs, without a server per test file.
const API_ROOT = path.resolve(import.meta.dirname, '../../app/api/v1');

export interface RouteFile {
  /** `/projects/{projectId}/members` — the OpenAPI-style path the operations use. */
  path: string;
  file: string;
  pattern: RegExp;
  paramNames: string[];
}

export function listRouteFiles(dir = API_ROOT, prefix = ''): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = /^\[(\w+)\]$/.exec(entry);
      found.push(...listRouteFiles(full, `${prefix}/${segment ? `{${segment[1]}}` : entry}`));
    } else if (entry === 'route.ts') {
      const paramNames = [...prefix.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`);
      found.push({ path: prefix || '/', file: full, pattern, paramNames });
    }
  }
  return found;
}
