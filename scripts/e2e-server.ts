// Playwright's webServer command (playwright.config.ts): prepares a throw-away `loupe_e2e`
// database, queue prefix and data directory, builds if stale, then runs web + workers.
// Playwright starts webServer before globalSetup, so the preparation lives here, where it is
// sure to finish before any server process touches the database.
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATABASE_URL } from '../server/db-url';
import { buildIfStale } from './lib/build-freshness';
import { TEMPLATE_DATABASE, ensureMigratedTemplate } from './lib/migrated-template';
import { bin, dataPath, repoRoot } from './lib/paths';
import { recreateDatabase, withDatabase } from './lib/postgres-admin';
import { deleteKeysWithPrefix } from './lib/redis-keys';
import { run } from './lib/run';
import { startServers } from './start/serve';
import { say, step } from './start/step';

const port = Number(process.env.E2E_PORT ?? 3100);
// Another port gets its own database, queues and data, so two suites can run side by side.
const suffix = port === 3100 ? '' : `_${port}`;
const database = `loupe_e2e${suffix}`;
const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const queuePrefix = `loupe-e2e${suffix}`;
const dataDir = dataPath(`e2e${suffix}`);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: withDatabase(serverUrl, database),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  DATA_DIR: dataDir,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXT_TELEMETRY_DISABLED: '1',
};

await step('e2e database', async (detail) => {
  const template = await ensureMigratedTemplate(serverUrl);
  await recreateDatabase(env.DATABASE_URL!, TEMPLATE_DATABASE);
  const keys = await deleteKeysWithPrefix(redisUrl, queuePrefix);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  detail(`${database} from ${template} template, ${keys} stale queue keys removed, empty ${path.relative(repoRoot, dataDir)}`);
});
await step('e2e seed', () => run(bin('tsx'), ['prisma/seed.ts'], { env }));
await step('build', async (detail) => detail(await buildIfStale(env)));

const servers = startServers(
  [
    { name: 'web', command: bin('next'), args: ['start', '-p', String(port), '-H', '127.0.0.1'] },
    { name: 'workers', command: process.execPath, args: ['--import', 'tsx', 'workers/main.ts'] },
  ],
  { ...env, NODE_ENV: 'production' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void servers.stop().then(() => process.exit(0)));
}
const code = await servers.exited;
say(`e2e servers stopped (exit code ${code})`);
process.exit(code);
