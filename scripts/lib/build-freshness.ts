import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bin, repoRoot } from './paths';
import { run } from './run';

// Written after a successful build only: Next writes .next/BUILD_ID before prerendering, so a
// build that failed there leaves a BUILD_ID behind.
const STAMP = path.join(repoRoot, '.next', 'loupe-build-ok');

// Top-level entries that never end up in the Next build. Everything else counts (including
// server/generated, so a regenerated Prisma client triggers a rebuild); extra rebuilds are
// only slow, a missed one would test stale pages.
const NOT_BUILT = new Set([
  'node_modules',
  'data',
  'e2e',
  'tests',
  'scripts',
  'bench',
  'docs',
  'workers',
  'prisma',
  'test-results',
  'playwright-report',
  'coverage',
  'vitest.config.ts',
  'playwright.config.ts',
  'eslint.config.js',
  'next-env.d.ts',
]);
const NOT_BUILT_FILE = /(\.test\.tsx?|\.md|\.tsbuildinfo)$/;

/** Why .next must be rebuilt, or null when the last good build is newer than every source file. */
export async function staleBuildReason(): Promise<string | null> {
  if (!existsSync(STAMP)) return 'no finished build yet';
  const built = (await stat(STAMP)).mtimeMs;
  const newer = await findNewer(repoRoot, built, true);
  return newer ? `${path.relative(repoRoot, newer)} changed since the last build` : null;
}

async function findNewer(dir: string, than: number, top: boolean): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (top && NOT_BUILT.has(entry.name))) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      const found = await findNewer(full, than, false);
      if (found) return found;
    } else if (!NOT_BUILT_FILE.test(entry.name) && (await stat(full)).mtimeMs > than) {
      return full;
    }
  }
  return null;
}

export async function build(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = new Date();
  // `next build` runs server code in production mode while it decides which pages are static,
  // and server/env.ts refuses the development secret there. Pages that read the session turn
  // dynamic, so a throw-away secret ends up in no output.
  const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url');
  await run(bin('next'), ['build'], { env: { ...env, NEXTAUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1' } });
  // Dated to the build's start, so a file saved during the build still counts as newer.
  await writeFile(STAMP, `${started.toISOString()}\n`);
  await utimes(STAMP, started, started);
}

export async function buildIfStale(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const reason = await staleBuildReason();
  if (!reason) return '.next is up to date';
  await build(env);
  return `built (${reason})`;
}
