// `npm start`: from a fresh clone to a running Loupe (web + workers) in one command.
// scripts/bootstrap.mjs has already installed node_modules; see scripts/README.md.
import { build } from './lib/build-freshness';
import { bin } from './lib/paths';
import { migrateDeploy } from './lib/migrate';
import { portIsFree } from './lib/port';
import { CommandError, run } from './lib/run';
import { credentialsLines } from './start/credentials';
import { ensureEspeak, ensureFfmpeg } from './start/media-tools';
import { nextAuthSecret } from './start/secret';
import { startServers, type Servers } from './start/serve';
import { resolveServices, type Services } from './start/services';
import { say, StartError, step } from './start/step';

const port = Number(process.env.PORT ?? 3000);
const url = `http://localhost:${port}`;
let services: Services | undefined;
let servers: Servers | undefined;

// Servers found running are left alone; what this run started (web, workers, and an embedded
// PostgreSQL or Redis) is stopped on every way out.
async function shutdown(code: number): Promise<never> {
  await servers?.stop();
  await services?.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping …`);
    void shutdown(0);
  });
}

async function main(): Promise<number> {
  // Checked first: a second `npm start` must not rebuild .next under a running server.
  if (!(await portIsFree(port))) {
    throw new StartError(`port ${port} is in use (is Loupe already running?); set PORT to use another`);
  }
  await step('media tools', async (detail) => detail(`${await ensureFfmpeg()}; ${await ensureEspeak()}`));
  const found = await step('services', async (detail) => {
    services = await resolveServices();
    detail(services.summary);
    return services;
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: found.databaseUrl,
    REDIS_URL: found.redisUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    NEXTAUTH_SECRET: await nextAuthSecret(),
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
  };
  await step('migrate', async (detail) => detail(await migrateDeploy(found.databaseUrl)));
  await step('seed', () =>
    run(bin('tsx'), ['prisma/seed.ts'], { env, output: 'capture', onLine: (line) => console.log(`  ${line}`) }),
  );
  if (process.env.LOUPE_SKIP_BUILD === '1') say('✓ build (skipped: LOUPE_SKIP_BUILD=1)');
  else await step('build', () => build(env));

  say(`▸ serve ${url} (Ctrl-C stops everything)`);
  let announced = false;
  const announce = (line: string) => {
    if (announced || !/\bReady\b/.test(line)) return;
    announced = true;
    for (const text of credentialsLines(url)) say(text);
  };
  servers = startServers(
    [
      { name: 'web', command: bin('next'), args: ['start', '-p', String(port)], onLine: announce },
      { name: 'workers', command: process.execPath, args: ['--import', 'tsx', 'workers/main.ts'] },
    ],
    { ...env, NODE_ENV: 'production' },
  );
  return servers.exited;
}

try {
  await shutdown(await main());
} catch (error) {
  const known = error instanceof StartError || error instanceof CommandError;
  say(`✗ ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
}
