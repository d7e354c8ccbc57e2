import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { dropDatabase, recreateDatabase, withDatabase } from '../../scripts/lib/postgres-admin';
import { deleteKeysWithPrefix } from '../../scripts/lib/redis-keys';
import './context';

// Runs before each integration test file imports anything, so server/env.ts, server/db.ts and
// server/redis.ts read this file's own database, queue prefix and blob directory.
const { databaseUrl, redisUrl, template, runPrefix } = inject('loupeTest');
const name = `${runPrefix}_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
const fileDatabaseUrl = withDatabase(databaseUrl, name);
const queuePrefix = name;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-test-'));

await recreateDatabase(fileDatabaseUrl, template);
process.env.DATABASE_URL = fileDatabaseUrl;
process.env.REDIS_URL = redisUrl;
process.env.QUEUE_PREFIX = queuePrefix;
process.env.DATA_DIR = dataDir;

interface Singletons {
  loupeDb?: { prisma: { $disconnect(): Promise<void> } };
  loupeRedis?: { quit(): Promise<unknown> };
}

// Registered first, so it runs after the test file's own afterAll hooks (they run in reverse).
afterAll(async () => {
  const holder = globalThis as Singletons;
  await holder.loupeDb?.prisma.$disconnect();
  await holder.loupeRedis?.quit();
  delete holder.loupeDb;
  delete holder.loupeRedis;
  await dropDatabase(fileDatabaseUrl);
  await deleteKeysWithPrefix(redisUrl, queuePrefix);
  await rm(dataDir, { recursive: true, force: true });
});
