import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Scripts run from npm, Playwright and vitest alike, whose working directories may differ.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function bin(name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

export function dataPath(...parts: string[]): string {
  return path.join(repoRoot, 'data', ...parts);
}
