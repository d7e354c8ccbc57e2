import { beforeAll, describe, expect, it } from 'vitest';
import type { TTaxonomyVersionDiff } from '@/lib/schemas/taxonomy-diff';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';

// Three versions: v2 renames Car, merges Bus and Tram into a new Transit class and moves it under
// Vehicle; v3 (a draft) maps a light's colors. The diff route compares any two of them.

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let path: string;
const klass = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  color: '#00ff00',
  hotkey: null,
  geometries: ['bbox'],
  attributes: [],
  ...extra,
});
const color = (options: string[]) => ({ attributes: [{ id: 'color', name: 'Color', type: 'enum', required: false, options }] });

beforeAll(async () => {
  world = await projectWithEveryRole();
  path = `/projects/${world.project.id}/taxonomy`;
  const lead = world.members.DATA_LEAD.token;
  async function publish(classes: unknown[], operations: unknown[]) {
    const draft = await callApi('PUT', `${path}/draft`, {
      token: lead,
      body: { definition: { classes }, operations, baseUpdatedAt: null },
    });
    expect(draft.status).toBe(200);
    expect((await callApi('POST', `${path}/publish`, { token: lead })).status).toBe(200);
  }
  const v1 = [
    klass('car', 'Car'),
    klass('bus', 'Bus'),
    klass('tram', 'Tram'),
    klass('vehicle', 'Vehicle'),
    klass('light', 'Light', color(['red', 'off'])),
  ];
  await publish(v1, []);
  const v2 = [
    klass('car', 'Automobile'),
    klass('transit', 'Transit', { parentId: 'vehicle' }),
    klass('vehicle', 'Vehicle'),
    klass('light', 'Light', color(['red', 'off'])),
  ];
  await publish(v2, [
    { op: 'rename_class', classId: 'car', name: 'Automobile' },
    { op: 'merge_classes', from: ['bus', 'tram'], into: 'transit' },
  ]);
  const v3 = v2.map((c) => (c.id === 'light' ? klass('light', 'Light', color(['red', 'dark'])) : c));
  const draft = await callApi('PUT', `${path}/draft`, {
    token: lead,
    body: {
      definition: { classes: v3 },
      operations: [{ op: 'map_enum_values', classId: 'light', attributeId: 'color', mapping: { off: 'dark' } }],
      baseUpdatedAt: null,
    },
  });
  expect(draft.status).toBe(200);
});

const diff = async (a: number, b: number) => {
  const response = await callApi('GET', `${path}/versions/${a}/diff/${b}`, { token: world.members.ANNOTATOR.token });
  expect(response.status).toBe(200);
  return json<TTaxonomyVersionDiff>(response);
};

describe('GET …/taxonomy/versions/{a}/diff/{b}', () => {
  it('lists classes added, removed and changed field by field, and the operations recorded between', async () => {
    const d = await diff(1, 2);
    expect(d.from).toBe(1);
    expect(d.to).toBe(2);
    expect(d.classes).toEqual([
      { classId: 'car', name: 'Automobile', change: 'changed', fields: { name: ['Car', 'Automobile'] } },
      { classId: 'bus', name: 'Bus', change: 'removed', fields: {} },
      { classId: 'tram', name: 'Tram', change: 'removed', fields: {} },
      { classId: 'transit', name: 'Transit', change: 'added', fields: {} },
    ]);
    expect(d.steps).toEqual([
      {
        version: 2,
        operations: [
          { op: 'rename_class', classId: 'car', name: 'Automobile' },
          { op: 'merge_classes', from: ['bus', 'tram'], into: 'transit' },
        ],
      },
    ]);
    // Operations name classes as they were before: Car keeps its old name, Transit (new in v2) its only one.
    expect(d.names).toMatchObject({ car: 'Car', bus: 'Bus', transit: 'Transit' });
  });

  it('spans several versions, a draft included, and compares backwards too', async () => {
    const d = await diff(1, 3);
    expect(d.steps.map((s) => s.version)).toEqual([2, 3]);
    expect(d.steps[1]?.operations).toEqual([
      { op: 'map_enum_values', classId: 'light', attributeId: 'color', mapping: { off: 'dark' } },
    ]);
    expect(d.classes.find((c) => c.classId === 'light')?.fields['attributes.color']).toEqual([
      { id: 'color', name: 'Color', type: 'enum', required: false, options: ['red', 'off'] },
      { id: 'color', name: 'Color', type: 'enum', required: false, options: ['red', 'dark'] },
    ]);
    const back = await diff(2, 1);
    expect(back.classes.find((c) => c.classId === 'transit')?.change).toBe('removed');
    expect(back.steps.map((s) => s.version)).toEqual([2]);
  });

  it('the same version twice is no difference; a version that does not exist is 404', async () => {
    expect(await diff(2, 2)).toMatchObject({ classes: [], steps: [] });
    const missing = await callApi('GET', `${path}/versions/1/diff/9`, { token: world.members.ANNOTATOR.token });
    expect(missing.status).toBe(404);
    expect((await json<{ detail: string }>(missing)).detail).toMatch(/version 9/);
  });
});
