import { beforeAll, describe, expect, it } from 'vitest';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { verifyCredentials } from '@/server/auth/verify-credentials';
import { db } from '@/server/db';

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let owner: string;

beforeAll(async () => {
  world = await projectWithEveryRole();
  owner = world.members.OWNER.token;
});

const invite = (email: string, role = 'ANNOTATOR') =>
  callApi('POST', `/projects/${world.project.id}/members`, { token: owner, body: { email, role } });

describe('invitations', () => {
  it('a new email gets a one-time link; accepting creates the account and membership', async () => {
    const result = await json<{ status: string; acceptUrl: string }>(await invite('New.Person@Example.com'));
    expect(result.status).toBe('invited');
    const token = result.acceptUrl.split('/invite/')[1]!;
    const preview = await json(await callApi('GET', `/invitations/${token}`));
    expect(preview).toMatchObject({ email: 'new.person@example.com', role: 'ANNOTATOR', accountExists: false });

    const accepted = await callApi('POST', `/invitations/${token}/accept`, {
      body: { name: 'New Person', password: 'correct horse battery' },
    });
    expect(accepted.status).toBe(200);
    const user = await verifyCredentials({ email: 'new.person@example.com', password: 'correct horse battery' }, 'test-ip');
    expect(user?.name).toBe('New Person');
    const membership = await db().membership.findFirst({ where: { projectId: world.project.id, userId: user!.id } });
    expect(membership?.role).toBe('ANNOTATOR');

    // The link is single-use.
    expect(
      (await callApi('POST', `/invitations/${token}/accept`, { body: { name: 'X', password: 'another password' } })).status,
    ).toBe(404);
  });

  it('an existing user is added at once; adding them twice is a conflict', async () => {
    const email = world.outsider.user.email;
    expect(await json(await invite(email, 'REVIEWER'))).toMatchObject({ status: 'added', member: { email, role: 'REVIEWER' } });
    expect((await invite(email)).status).toBe(409);
  });

  it('a withdrawn invitation link stops working; re-inviting replaces the old link', async () => {
    const first = await json<{ acceptUrl: string; invitation: { id: string } }>(await invite('twice@example.com'));
    const second = await json<{ acceptUrl: string; invitation: { id: string } }>(await invite('twice@example.com'));
    const firstToken = first.acceptUrl.split('/invite/')[1];
    expect((await callApi('GET', `/invitations/${firstToken}`)).status).toBe(404);
    expect(
      (await callApi('DELETE', `/projects/${world.project.id}/invitations/${second.invitation.id}`, { token: owner })).status,
    ).toBe(204);
    expect((await callApi('GET', `/invitations/${second.acceptUrl.split('/invite/')[1]}`)).status).toBe(404);
  });

  it('the last owner cannot be demoted or removed', async () => {
    const ownerId = world.members.OWNER.user.id;
    const demote = await callApi('PATCH', `/projects/${world.project.id}/members/${ownerId}`, {
      token: owner,
      body: { role: 'ANNOTATOR' },
    });
    expect(demote.status).toBe(409);
    expect((await callApi('DELETE', `/projects/${world.project.id}/members/${ownerId}`, { token: owner })).status).toBe(409);
  });

  it('pending invitations are hidden from members who cannot manage members', async () => {
    const asAnnotator = await json<{ invitations: unknown[]; members: unknown[] }>(
      await callApi('GET', `/projects/${world.project.id}/members`, { token: world.members.ANNOTATOR.token }),
    );
    expect(asAnnotator.members.length).toBeGreaterThan(3);
    expect(asAnnotator.invitations).toEqual([]);
  });
});
