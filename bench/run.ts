import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { migrateDeploy } from '../scripts/lib/migrate';
import { recreateDatabase, withDatabase } from '../scripts/lib/postgres-admin';
import { repoRoot } from '../scripts/lib/paths';
import { run } from '../scripts/lib/run';
import { DEFAULT_DATABASE_URL } from '../server/db-url';

// Runs every bench/*.bench.ts in its own process against a fresh, migrated `loupe_bench` database and
// its own queue prefix, so figures never mix with the demo data. Each prints one JSON line.
const only = process.argv[2];
const databaseUrl = withDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 'loupe_bench');
await recreateDatabase(databaseUrl);
await migrateDeploy(databaseUrl);

const files = (await readdir(path.join(repoRoot, 'bench'))).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
for (const file of files.sort()) {
  await run(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join('bench', file)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `loupe-bench-${process.pid}`,
      DATA_DIR: path.join(repoRoot, 'data', 'bench'),
    },
    output: 'inherit',
  });
}
