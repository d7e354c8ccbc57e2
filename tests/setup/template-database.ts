import type { TestProject } from 'vitest/node';
import { DEFAULT_DATABASE_URL } from '../../server/db-url';
import { ensureMigratedTemplate, TEMPLATE_DATABASE } from '../../scripts/lib/migrated-template';
import { dropDatabasesStartingWith } from '../../scripts/lib/postgres-admin';
import './context';

// Global setup of the integration project: one migrated template per run, cloned per file.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await ensureMigratedTemplate(databaseUrl);

  const runPrefix = `loupe_test_${Date.now().toString(36)}`;
  project.provide('loupeTest', {
    databaseUrl,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    template: TEMPLATE_DATABASE,
    runPrefix,
  });

  // Each file drops its own database; this catches files whose worker crashed first.
  return () => dropDatabasesStartingWith(databaseUrl, `${runPrefix}_`);
}
