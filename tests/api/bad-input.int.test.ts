import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { projectWithEveryRole, userWithToken } from './api-users';
import { callApi, json } from './call-api';
import { ownerCtx } from './matrix-fixtures';
import { heldItem } from './workflow-fixtures';

// Bad input answers problem+json with the right status and writes nothing.

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let token: string;

beforeAll(async () => {
  world = await projectWithEveryRole();
  token = world.members.OWNER.token;
});

async function rowCounts() {
  const [projects, versions, invitations, audit] = await Promise.all([
    db().project.count(),
    db().taxonomyVersion.count(),
    db().invitation.count(),
    db().auditEvent.count(),
  ]);
  return { projects, versions, invitations, audit };
}

async function expectProblem(response: Response, status: number, detail: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await json<{ status: number; detail: string; title: string }>(response);
  expect(body.status).toBe(status);
  expect(body.detail).toMatch(detail);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/); // no stack traces
}

describe('bad input', () => {
  it('malformed JSON → 400, nothing written', async () => {
    const before = await rowCounts();
    const response = await callApi('POST', '/projects', { token, rawBody: '{"name": "x",' });
    await expectProblem(response, 400, /not valid JSON/);
    expect(await rowCounts()).toEqual(before);
  });

  it('wrong types → 400 with the field path', async () => {
    const before = await rowCounts();
    const response = await callApi('POST', '/projects', { token, body: { name: 42 } });
    await expectProblem(response, 400, /invalid/);
    const body = await json<{ errors: { path: string; in: string }[] }>(
      await callApi('POST', '/projects', { token, body: { name: 42 } }),
    );
    expect(body.errors[0]).toMatchObject({ in: 'body', path: 'name' });
    expect(await rowCounts()).toEqual(before);
  });

  it('a non-JSON content type → 400', async () => {
    const response = await callApi('POST', '/projects', {
      token,
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(response, 400, /JSON/);
  });

  it('an invalid taxonomy (duplicate hotkeys, enum without options) → 400, draft untouched', async () => {
    const before = await rowCounts();
    const cls = (id: string) => ({ id, name: id, color: '#123456', hotkey: 'a', geometries: ['bbox'], attributes: [] });
    const response = await callApi('PUT', `/projects/${world.project.id}/taxonomy/draft`, {
      token,
      body: {
        definition: { classes: [cls('one'), { ...cls('two'), attributes: [{ id: 'c', name: 'C', type: 'enum' }] }] },
        baseUpdatedAt: null,
      },
    });
    await expectProblem(response, 400, /invalid/);
    const problem = await json<{ errors: { message: string }[] }>(
      await callApi('PUT', `/projects/${world.project.id}/taxonomy/draft`, {
        token,
        body: { definition: { classes: [cls('one'), cls('two')] }, baseUpdatedAt: null },
      }),
    );
    expect(problem.errors.map((e) => e.message)).toContain('duplicate hotkey: a');
    expect(await rowCounts()).toEqual(before);
  });

  it('unknown ids → 404', async () => {
    await expectProblem(await callApi('GET', '/projects/no-such-project', { token }), 404, /not found/);
    await expectProblem(
      await callApi('PATCH', `/projects/${world.project.id}/members/nobody`, { token, body: { role: 'REVIEWER' } }),
      404,
      /Member not found/,
    );
    await expectProblem(await callApi('GET', `/projects/${world.project.id}/taxonomy/versions/99`, { token }), 404, /version 99/);
    await expectProblem(await callApi('DELETE', '/tokens/nope', { token }), 404, /not found/);
  });

  it('an oversized body → 413 whether or not Content-Length is declared, nothing written', async () => {
    const before = await rowCounts();
    const huge = JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) });
    await expectProblem(await callApi('POST', '/projects', { token, rawBody: huge }), 413, /larger than/);
    await expectProblem(
      await callApi('POST', '/projects', {
        token,
        rawBody: huge,
        headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      }),
      413,
      /larger than/,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('an annotation save may exceed the JSON cap (10,000 boxes are stored); past MAX_ANNOTATION_BODY_BYTES it is 413', async () => {
    const { user } = world.members.OWNER;
    const { assignmentId } = await heldItem(ownerCtx(user), world.project.id, user.id, 'LABEL');
    const item = `/projects/${world.project.id}/assignments/${assignmentId}`;
    const stored = async () =>
      (await json<{ annotation: { version: number; regions: unknown[] } }>(await callApi('GET', item, { token }))).annotation;
    const regions = Array.from({ length: 10_000 }, (_, i) => ({
      id: `r${i}`,
      type: 'bbox',
      classId: 'car',
      attributes: {},
      x: (i % 100) / 100 + 0.001,
      y: Math.floor(i / 100) / 100 + 0.001,
      w: 0.008,
      h: 0.008,
    }));
    const body = JSON.stringify({ version: (await stored()).version, regions });
    expect(body.length).toBeGreaterThan(1_000_000);
    const saved = await callApi('PUT', `${item}/annotation`, { token, rawBody: body });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = await stored();
    expect(after.regions).toHaveLength(10_000);

    const huge = JSON.stringify({ version: after.version, regions: [{ ...regions[0], note: 'x'.repeat(25_000_000) }] });
    await expectProblem(await callApi('PUT', `${item}/annotation`, { token, rawBody: huge }), 413, /larger than 25000000/);
    expect((await stored()).regions).toHaveLength(10_000);
  });

  it('a bad query string → 400', async () => {
    const admin = await userWithToken({ isSiteAdmin: true });
    await expectProblem(await callApi('GET', '/ops/failures?limit=-3', { token: admin.token }), 400, /query is invalid/);
  });
});
