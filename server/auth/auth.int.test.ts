import { describe, expect, it } from 'vitest';
import { createUser } from '@/prisma/factories/create-user';
import { callApi, json } from '@/tests/api/call-api';
import { userWithToken } from '@/tests/api/api-users';
import { db } from '@/server/db';
import { env } from '@/server/env';
import { verifyCredentials } from './verify-credentials';

describe('sign-in', () => {
  it('accepts the right password, refuses a wrong one and an unknown email alike', async () => {
    await createUser(db(), { email: 'alice@loupe.test', password: 'alice-password' });
    expect(await verifyCredentials({ email: 'ALICE@loupe.test', password: 'alice-password' }, 'ip-1')).toMatchObject({
      email: 'alice@loupe.test',
    });
    expect(await verifyCredentials({ email: 'alice@loupe.test', password: 'nope' }, 'ip-1')).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@loupe.test', password: 'nope' }, 'ip-1')).toBeNull();
    expect(await verifyCredentials({ email: 'not an email' }, 'ip-1')).toBeNull();
  });

  it('rate limits repeated failures for an email, even with the right password afterwards', async () => {
    await createUser(db(), { email: 'bob@loupe.test', password: 'bob-password' });
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS; i++) {
      expect(await verifyCredentials({ email: 'bob@loupe.test', password: `guess-${i}` }, `ip-${i}`)).toBeNull();
    }
    await expect(verifyCredentials({ email: 'bob@loupe.test', password: 'bob-password' }, 'ip-x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('a disabled user cannot sign in nor use a token', async () => {
    const { user, token } = await userWithToken({ email: 'carol@loupe.test' });
    expect((await callApi('GET', '/me', { token })).status).toBe(200);
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await callApi('GET', '/me', { token })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('the secret is shown once, stored hashed, works as Bearer, and stops working when revoked', async () => {
    const { token } = await userWithToken();
    const created = await json<{ id: string; secret: string; prefix: string }>(
      await callApi('POST', '/tokens', { token, body: { name: 'script' } }),
    );
    expect(created.secret).toMatch(/^loupe_/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    expect((await callApi('GET', '/projects', { token: created.secret })).status).toBe(200);
    const listed = await json<{ tokens: object[] }>(await callApi('GET', '/tokens', { token: created.secret }));
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    expect((await callApi('DELETE', `/tokens/${created.id}`, { token })).status).toBe(204);
    expect((await callApi('GET', '/projects', { token: created.secret })).status).toBe(401);
  });

  it("another user's token id answers 404", async () => {
    const alice = await userWithToken();
    const bob = await userWithToken();
    const created = await json<{ id: string }>(await callApi('POST', '/tokens', { token: alice.token, body: { name: 'mine' } }));
    expect((await callApi('DELETE', `/tokens/${created.id}`, { token: bob.token })).status).toBe(404);
  });

  it('an expired token is refused', async () => {
    const { token } = await userWithToken();
    const created = await json<{ id: string; secret: string }>(
      await callApi('POST', '/tokens', { token, body: { name: 'short', expiresInDays: 1 } }),
    );
    await db().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callApi('GET', '/me', { token: created.secret })).status).toBe(401);
  });
});
