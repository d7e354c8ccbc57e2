import { beforeAll, describe, expect, it } from 'vitest';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { SAMPLE_DEFINITION } from '@/tests/api/matrix-fixtures';
import { db } from '@/server/db';
import type { TTaxonomy, TTaxonomyVersion } from '@/lib/schemas/taxonomy';

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let lead: string;
let path: string;

beforeAll(async () => {
  world = await projectWithEveryRole();
  lead = world.members.DATA_LEAD.token;
  path = `/projects/${world.project.id}/taxonomy`;
});

const withClass = (id: string) => ({
  classes: [
    ...SAMPLE_DEFINITION.classes,
    { id, name: id.toUpperCase(), color: '#00ff00', hotkey: null, geometries: ['polygon'], attributes: [] },
  ],
});

async function save(definition: unknown, baseUpdatedAt: string | null) {
  return callApi('PUT', `${path}/draft`, { token: lead, body: { definition, baseUpdatedAt } });
}

describe('taxonomy versions', () => {
  it('draft → publish v1 → edits go to a v2 draft, v1 stays as published', async () => {
    const draft = await json<TTaxonomyVersion>(await save(SAMPLE_DEFINITION, null));
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT' });

    const published = await json<TTaxonomyVersion>(await callApi('POST', `${path}/publish`, { token: lead }));
    expect(published).toMatchObject({ version: 1, status: 'PUBLISHED' });
    expect(published.checksum).toMatch(/^[0-9a-f]{64}$/);

    const v2 = await json<TTaxonomyVersion>(await save(withClass('truck'), null));
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });

    const taxonomy = await json<TTaxonomy>(await callApi('GET', path, { token: world.members.ANNOTATOR.token }));
    expect(taxonomy.published?.version).toBe(1);
    expect(taxonomy.published?.definition.classes.map((c) => c.id)).toEqual(['car']);
    expect(taxonomy.draft?.definition.classes.map((c) => c.id)).toEqual(['car', 'truck']);
    expect(taxonomy.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'DRAFT'],
      [1, 'PUBLISHED'],
    ]);
  });

  it('a save from a stale copy of the draft → 409 and the newer draft is kept', async () => {
    const current = await json<TTaxonomy>(await callApi('GET', path, { token: lead }));
    const base = current.draft!.updatedAt;
    expect((await save(withClass('bus'), base)).status).toBe(200);
    const stale = await save(withClass('tram'), base);
    expect(stale.status).toBe(409);
    expect((await json<{ code: string }>(stale)).code).toBe('STALE_VERSION');
    const after = await json<TTaxonomy>(await callApi('GET', path, { token: lead }));
    expect(after.draft?.definition.classes.map((c) => c.id)).toEqual(['car', 'bus']);
  });

  it('the database refuses to change a published version, whatever the code path', async () => {
    const v1 = await db().taxonomyVersion.findFirstOrThrow({
      where: { status: 'PUBLISHED', taxonomy: { projectId: world.project.id } },
    });
    await expect(db().taxonomyVersion.update({ where: { id: v1.id }, data: { definition: { classes: [] } } })).rejects.toThrow(
      /immutable/,
    );
  });

  it('publishing with no draft → 409; an empty taxonomy cannot be published (422)', async () => {
    expect((await callApi('POST', `${path}/publish`, { token: lead })).status).toBe(200); // publishes v2
    expect((await callApi('POST', `${path}/publish`, { token: lead })).status).toBe(409);
    expect((await save({ classes: [] }, null)).status).toBe(200);
    const empty = await callApi('POST', `${path}/publish`, { token: lead });
    expect(empty.status).toBe(422);
  });

  it('every change left an audit event', async () => {
    const actions = await db().auditEvent.findMany({ where: { projectId: world.project.id }, select: { action: true } });
    const counts = actions.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.action]: (acc[a.action] ?? 0) + 1 }), {});
    expect(counts['taxonomy.publish']).toBe(2);
    expect(counts['taxonomy.draft.save']).toBe(4);
  });
});
