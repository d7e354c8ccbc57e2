import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '@/prisma/factories/create-project';
import { createUser } from '@/prisma/factories/create-user';
import { db, pool } from './db';
import { one, rows, sql, transaction } from './sql';

// Plain SQL and Prisma share the pool and the tables: what one writes the other must read the same,
// whatever the process's time zone (the columns are timestamps without zone, holding UTC).
describe('server/sql', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('writes and reads timestamps as UTC, as Prisma does, outside UTC too', async () => {
    const user = await createUser(db(), { password: null });
    const at = new Date('2026-03-04T05:06:07.089Z');
    await rows(sql`UPDATE "User" SET "disabledAt" = ${at} WHERE id = ${user.id}`);

    const viaPrisma = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { disabledAt: true } });
    const viaSql = await one<{ disabledAt: Date }>(sql`SELECT "disabledAt" FROM "User" WHERE id = ${user.id}`);
    expect(viaPrisma.disabledAt?.toISOString()).toBe(at.toISOString());
    expect(viaSql?.disabledAt.toISOString()).toBe(at.toISOString());
  });

  it('reads int8 as BigInt and arrays and JSON as values, on the pool, in a Prisma client and in its transactions', async () => {
    const query = sql`SELECT 9007199254740993::int8 AS big, ARRAY['a', 'b'] AS list, '{"k": [1]}'::jsonb AS doc`;
    const expected = { big: 9007199254740993n, list: ['a', 'b'], doc: { k: [1] } };
    expect(await one(query)).toEqual(expected);
    expect(await one(query, db())).toEqual(expected);
    expect(await db().$transaction((tx) => one(query, tx))).toEqual(expected);
  });

  it('commits a transaction, and rolls it back when its work throws', async () => {
    const owner = await createUser(db(), { password: null });
    const project = await createProject(db(), { ownerId: owner.id, slug: 'sql-transactions' });
    const rename = (name: string) => sql`UPDATE "Project" SET name = ${name} WHERE id = ${project.id}`;

    await transaction((tx) => rows(rename('kept'), tx));
    await expect(
      transaction(async (tx) => {
        await rows(rename('rolled back'), tx);
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');

    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe('kept');
    // Every connection went back to the pool.
    expect(pool().totalCount - pool().idleCount).toBe(0);
  });
});
