import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { poolConfigFromUrl } from './db-url';
import { env } from './env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

interface Connections {
  prisma: PrismaClient;
  /** The node-postgres pool under Prisma, also used directly by the hot paths (`server/sql.ts`). */
  pool: pg.Pool;
}

// One pool and one client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
const holder = globalThis as unknown as { loupeDb?: Connections };
const pools = new WeakMap<PrismaClient, pg.Pool>();

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

// Prisma stores DateTime as `timestamp without time zone` holding UTC; node-postgres would read it as
// local time. int8 comes back as a BigInt, as Prisma's $queryRaw returns it.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    if (oid === INT8_OID) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function connect(databaseUrl: string): Connections {
  // JIT compilation pays off for long analytical queries only; on this app's short ones it added
  // 100+ ms whenever a plan's estimated cost crossed the threshold (e.g. counts over 100,000 assets).
  const pool = new pg.Pool({ ...poolConfigFromUrl(databaseUrl), max: 10, types, options: '-c jit=off' });
  // $disconnect ends the pool too, so scripts and tests close everything with one call.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return { prisma, pool };
}

/** A client of its own (the seed's, for another database): not the process's shared one. */
export function createPrisma(databaseUrl: string): PrismaClient {
  return connect(databaseUrl).prisma;
}

function connections(): Connections {
  if (!holder.loupeDb || holder.loupeDb.pool.ending) holder.loupeDb = connect(env().DATABASE_URL);
  return holder.loupeDb;
}

export function db(): PrismaClient {
  return connections().prisma;
}

export function pool(): pg.Pool {
  return connections().pool;
}

/** The pool under a client made here: plain SQL outside a transaction runs on it, skipping Prisma's engine. */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}
