import { db } from '@/server/db';
import { closeQueues } from '@/server/jobs/enqueue';
import { IMPORT_USAGE, importCommand } from './cli/import-command';
import { SNAPSHOT_USAGE, snapshotCommand } from './cli/snapshot-command';

// `npm run loupe -- <command> …`: operator commands that run against the database directly.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = { import: importCommand, snapshot: snapshotCommand };

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage:\n  ${IMPORT_USAGE}\n  ${SNAPSHOT_USAGE}`);
    return 1;
  }
  try {
    return await command(argv);
  } catch (error) {
    console.error(`loupe ${name}: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeQueues();
    await db().$disconnect();
  }
}

process.exitCode = await main();
