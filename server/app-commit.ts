import { execFileSync } from 'node:child_process';

let commit: string | undefined;

/** The code's commit, for lineage (snapshot manifests): LOUPE_COMMIT when the deploy sets it, else git's HEAD. */
export function appCommit(): string {
  commit ??= process.env.LOUPE_COMMIT?.trim() || gitHead() || 'unknown';
  return commit;
}

function gitHead(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
