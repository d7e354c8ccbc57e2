import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { env } from '@/server/env';

async function publishedVersion() {
  const user = await db().user.create({ data: { email: 'lead@example.test', name: 'Lead' } });
  const project = await db().project.create({
    data: { slug: 'birds', name: 'Birds', createdById: user.id },
  });
  const taxonomy = await db().taxonomy.create({ data: { projectId: project.id, name: 'Species' } });
  return db().taxonomyVersion.create({
    data: {
      taxonomyId: taxonomy.id,
      version: 1,
      status: 'PUBLISHED',
      definition: { classes: [{ id: 'c1', name: 'Robin' }] },
      publishedAt: new Date(),
      publishedById: user.id,
    },
  });
}

describe('integration test set-up', () => {
  it('gives each test file its own migrated database, queue prefix and data directory', async () => {
    const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    expect(row?.name).toMatch(/^loupe_test_[0-9a-z]+_\d+_[0-9a-f]{8}$/);
    expect(env().DATABASE_URL).toContain(row?.name);
    expect(env().QUEUE_PREFIX).toBe(row?.name);
    expect(env().DATA_DIR).not.toBe('./data');
  });

  it('writes a user and reads it back', async () => {
    const created = await db().user.create({
      data: { email: 'ada@example.test', name: 'Ada', isSiteAdmin: true },
    });
    const found = await db().user.findUnique({ where: { email: 'ada@example.test' } });
    expect(found).toMatchObject({ id: created.id, name: 'Ada', isSiteAdmin: true });
  });

  it('refuses to change a published taxonomy version (database trigger)', async () => {
    const version = await publishedVersion();
    await expect(
      db().taxonomyVersion.update({
        where: { id: version.id },
        data: { definition: { classes: [] } },
      }),
    ).rejects.toThrow(/published and immutable/);
    const unchanged = await db().taxonomyVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(unchanged.definition).toEqual({ classes: [{ id: 'c1', name: 'Robin' }] });
  });
});
