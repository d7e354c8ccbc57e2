import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Prisma } from './generated/prisma/client';
import { pool, poolOf, type Db, type Tx } from './db';

/**
 * Plain SQL on node-postgres, for the hot paths (claim, upload, pipeline stages). Prisma 6.19's client
 * engine spends ~0.5 ms of CPU on a `$queryRaw` and ~1–1.5 ms on a model query (it compiles each one,
 * with no plan cache); the same statement through the pool Prisma itself uses costs ~0.07 ms. Queries
 * are `sql` template literals (sql-template-tag, as `Prisma.sql`): values are always parameters.
 */
export const sql = Prisma.sql;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/**
 * Where a statement runs: a pool, a client in a `transaction`, or Prisma: a Prisma transaction runs it
 * in that transaction, a Prisma client outside one on the pool beneath it.
 */
export type SqlClient = pg.Pool | pg.PoolClient | Db | Tx;

export async function rows<T>(query: Sql, client: SqlClient = pool()): Promise<T[]> {
  const target = isPg(client) ? client : ('$transaction' in client && poolOf(client)) || client;
  if (!isPg(target)) return target.$queryRaw<T[]>(query);
  const result = await target.query<T & pg.QueryResultRow>(query.text, query.values.map(toParameter));
  return result.rows;
}

export async function one<T>(query: Sql, client?: SqlClient): Promise<T | undefined> {
  return (await rows<T>(query, client))[0];
}

/** BEGIN … COMMIT on one pooled connection, ROLLBACK when `work` throws. */
export async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function isPg(client: SqlClient): client is pg.Pool | pg.PoolClient {
  return client instanceof pg.Pool || typeof (client as pg.PoolClient).release === 'function';
}

// Dates are sent as UTC ISO strings: the columns are `timestamp without time zone` holding UTC, and
// node-postgres would otherwise format them in the process's local time zone.
function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * An id for a row inserted in plain SQL, where Prisma would have made a cuid: 32 hex characters (no
 * hyphens, so it stays a plain part of job ids and URLs).
 */
export function newId(): string {
  return randomUUID().replaceAll('-', '');
}
