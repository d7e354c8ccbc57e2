import pg from 'pg';
import { poolConfigFromUrl } from '../../server/db-url';

// CREATE/DROP DATABASE cannot run inside the database they act on, so those connect to the
// maintenance database `postgres`, which every cluster has.

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return poolConfigFromUrl(url).database;
}

export function describeServer(url: string): string {
  const { host, port } = poolConfigFromUrl(url);
  return `${host}:${port}`;
}

async function withMaintenanceClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    ...poolConfigFromUrl(url),
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function connectionError(url: string): Promise<{ code?: string } | null> {
  const client = new pg.Client({ ...poolConfigFromUrl(url), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error as { code?: string };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const MISSING_DATABASE = '3D000';

/** True when a PostgreSQL server answers at the URL, whether or not its database exists yet. */
export async function isReachable(url: string): Promise<boolean> {
  const error = await connectionError(url);
  return error === null || error.code === MISSING_DATABASE;
}

/** Creates the URL's database unless it exists; returns whether it created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const error = await connectionError(url);
  if (error === null) return false;
  if (error.code !== MISSING_DATABASE) throw error;
  await withMaintenanceClient(url, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName(url))}`));
  return true;
}

const OBJECT_IN_USE = '55006';

/**
 * Drops (closing other sessions) and creates the URL's database, optionally as a copy of a
 * template. Copying fails while anyone is connected to the template, which another test run
 * does for a moment when it checks the template's migrations, so that is retried.
 */
export async function recreateDatabase(url: string, template?: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** Drops every database whose name starts with the prefix (what a crashed test run left). */
export async function dropDatabasesStartingWith(url: string, prefix: string): Promise<void> {
  const { rows } = await withMaintenanceClient(url, (client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
  );
  for (const { datname } of rows) await dropDatabase(withDatabase(url, datname));
}
