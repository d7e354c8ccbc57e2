import { spawnSync } from 'node:child_process';
import { DEFAULT_DATABASE_URL } from '../../server/db-url';
import { describeServer, ensureDatabase, isReachable } from '../lib/postgres-admin';
import { describeRedis, redisAnswers } from '../lib/redis-ping';
import { EMBEDDED_POSTGRES_URL, startEmbeddedPostgres, type RunningService } from './embedded-postgres';
import { CHILD_REDIS_PORT, startRedisChild } from './redis-child';
import { StartError } from './step';

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  summary: string;
  /** Stops whatever this run started; servers found already running are left alone. */
  stop: () => Promise<void>;
}

interface Found {
  url: string;
  note: string;
  started?: RunningService;
}

export async function resolveServices(): Promise<Services> {
  const postgres = await resolvePostgres();
  let redis: Found;
  try {
    redis = await resolveRedis();
  } catch (error) {
    await postgres.started?.stop();
    throw error;
  }
  const created = await ensureDatabase(postgres.url);
  const database = `database ${new URL(postgres.url).pathname.slice(1)}${created ? ' created' : ''}`;
  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    summary: `${postgres.note}, ${database}, ${redis.note}`,
    stop: async () => {
      await redis.started?.stop();
      await postgres.started?.stop();
    },
  };
}

async function resolvePostgres(): Promise<Found> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    if (await isReachable(configured))
      return { url: configured, note: `postgres ${describeServer(configured)} from DATABASE_URL` };
    throw new StartError(`DATABASE_URL points at ${describeServer(configured)}, which does not answer`);
  }
  // A leftover embedded server (from an `npm start` still running) is reused, not restarted.
  for (const url of [DEFAULT_DATABASE_URL, EMBEDDED_POSTGRES_URL]) {
    if (await isReachable(url)) return { url, note: `postgres ${describeServer(url)}` };
  }
  const started = await startEmbeddedPostgres();
  const note = `no PostgreSQL on 127.0.0.1:5432, started embedded PostgreSQL ${describeServer(started.url)} (data in ./data/postgres)`;
  return { url: started.url, note, started };
}

async function resolveRedis(): Promise<Found> {
  const configured = process.env.REDIS_URL;
  if (configured) {
    if (await redisAnswers(configured)) return { url: configured, note: `redis ${describeRedis(configured)} from REDIS_URL` };
    throw new StartError(`REDIS_URL points at ${describeRedis(configured)}, which does not answer`);
  }
  for (const url of ['redis://127.0.0.1:6379', `redis://127.0.0.1:${CHILD_REDIS_PORT}`]) {
    if (await redisAnswers(url)) return { url, note: `redis ${describeRedis(url)}` };
  }
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new StartError(
      'no Redis on 127.0.0.1:6379 and no redis-server to start: install it with `apt-get install -y redis-server` (or set REDIS_URL)',
    );
  }
  const started = await startRedisChild();
  const note = `no Redis on 127.0.0.1:6379, started redis-server ${describeRedis(started.url)}`;
  return { url: started.url, note, started };
}
