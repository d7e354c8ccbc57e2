import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { poolConfigFromUrl } from '../../server/db-url';
import { bin, repoRoot } from './paths';
import { run } from './run';

/**
 * Applies pending migrations with `prisma migrate deploy` and returns a one-line summary.
 * The CLI takes ~15 s here even when nothing is pending (it boots a WebAssembly engine), so it
 * is skipped when the database already records exactly the committed migrations: Prisma stores
 * each applied migration's name and SHA-256 in _prisma_migrations.
 */
export async function migrateDeploy(databaseUrl: string): Promise<string> {
  if (await isMigrated(databaseUrl)) return 'up to date';
  // Quiet unless it fails: the CLI warns on every run that the schema's datasource URL is
  // unused with driver adapters, which is expected here.
  const output = await run(bin('prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    output: 'capture',
  });
  const count = output.split('\n').filter((line) => /└─ \d+_[^/]+\/$/.test(line.trim())).length;
  return `applied ${count} migration${count === 1 ? '' : 's'}`;
}

/** True when the database records exactly the committed migrations, each unchanged. */
export async function isMigrated(databaseUrl: string): Promise<boolean> {
  const [committed, applied] = await Promise.all([committedMigrations(), appliedMigrations(databaseUrl)]);
  return sameList(committed, applied);
}

async function committedMigrations(): Promise<string[]> {
  const dir = path.join(repoRoot, 'prisma', 'migrations');
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const rows = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'));
      return `${name} ${createHash('sha256').update(sql).digest('hex')}`;
    }),
  );
  return rows.sort();
}

/** null when the database does not exist or has no migration table yet. */
async function appliedMigrations(databaseUrl: string): Promise<string[] | null> {
  const client = new pg.Client({ ...poolConfigFromUrl(databaseUrl), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows.map((r) => `${r.migration_name} ${r.checksum}`).sort();
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sameList(a: string[], b: string[] | null): boolean {
  return b !== null && a.length === b.length && a.every((item, i) => item === b[i]);
}
