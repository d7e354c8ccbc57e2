import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { poolConfigFromUrl } from './db-url';
import { env } from './env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
const holder = globalThis as unknown as { loupePrisma?: PrismaClient };

export function createPrisma(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ ...poolConfigFromUrl(databaseUrl), max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  holder.loupePrisma ??= createPrisma(env().DATABASE_URL);
  return holder.loupePrisma;
}
