import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/auth/password';
import { db } from '@/server/db';
import { generateImages } from '@/prisma/fixtures/images';
import { addMember } from './add-member';
import { createAsset } from './create-asset';
import { createProject } from './create-project';
import { createTaxonomy } from './create-taxonomy';
import { createUser, DEFAULT_TEST_PASSWORD } from './create-user';

describe('factories', () => {
  it('makes distinct users who can sign in with the default password, or none', async () => {
    const [a, b] = [await createUser(db()), await createUser(db())];
    expect(a.email).not.toBe(b.email);
    expect(await verifyPassword(a.passwordHash ?? '', DEFAULT_TEST_PASSWORD)).toBe(true);
    expect((await createUser(db(), { password: null })).passwordHash).toBeNull();
  });

  it('finds an existing user by email and changes only the fields given', async () => {
    const admin = await createUser(db(), { email: 'Boss@Loupe.test', isSiteAdmin: true, password: 'first-password' });
    expect(await createUser(db(), { email: 'boss@loupe.test' })).toEqual(admin);
    const renamed = await createUser(db(), { email: 'boss@loupe.test', name: 'Boss', password: 'second-password' });
    expect(renamed).toMatchObject({ id: admin.id, name: 'Boss', isSiteAdmin: true });
    expect(await verifyPassword(renamed.passwordHash ?? '', 'second-password')).toBe(true);
  });

  it('makes the owner an OWNER member and changes a member role in place', async () => {
    const owner = await createUser(db());
    const member = await createUser(db());
    const project = await createProject(db(), { ownerId: owner.id });
    await addMember(db(), { projectId: project.id, userId: member.id, role: 'ANNOTATOR' });
    await addMember(db(), { projectId: project.id, userId: member.id, role: 'REVIEWER' });
    const memberships = await db().membership.findMany({ where: { projectId: project.id }, orderBy: { createdAt: 'asc' } });
    expect(memberships.map((m) => [m.userId, m.role])).toEqual([
      [owner.id, 'OWNER'],
      [member.id, 'REVIEWER'],
    ]);
  });

  it('makes a draft taxonomy and publishes that same draft when asked', async () => {
    const owner = await createUser(db());
    const project = await createProject(db(), { ownerId: owner.id });
    const classes = [
      { id: 'bird', name: 'Bird', color: '#112233', hotkey: 'b', geometries: ['bbox' as const], attributes: [], description: '' },
    ];
    const draft = await createTaxonomy(db(), { projectId: project.id, classes });
    expect(draft.version).toMatchObject({ version: 1, status: 'DRAFT', checksum: null });
    const published = await createTaxonomy(db(), { projectId: project.id, publish: true });
    expect(published.version).toMatchObject({ id: draft.version.id, status: 'PUBLISHED', publishedById: owner.id });
    expect(published.version.definition).toEqual({ classes });
  });

  it('refuses a taxonomy that the schema refuses', async () => {
    const owner = await createUser(db());
    const project = await createProject(db(), { ownerId: owner.id });
    const bad = [
      { id: 'bird', name: 'Bird', color: 'red', hotkey: null, geometries: ['bbox' as const], attributes: [], description: '' },
    ];
    await expect(createTaxonomy(db(), { projectId: project.id, classes: bad })).rejects.toThrow(/#rrggbb/);
  });

  it('shares one blob between projects and keeps one asset per project and content', async () => {
    const owner = await createUser(db());
    const [p1, p2] = [await createProject(db(), { ownerId: owner.id }), await createProject(db(), { ownerId: owner.id })];
    const [file] = await generateImages();
    const a1 = await createAsset(db(), { projectId: p1.id, file: file ?? '', kind: 'IMAGE' });
    const again = await createAsset(db(), { projectId: p1.id, file: file ?? '', kind: 'IMAGE' });
    const a2 = await createAsset(db(), { projectId: p2.id, file: file ?? '', kind: 'IMAGE' });
    expect(again.id).toBe(a1.id);
    expect(a2.id).not.toBe(a1.id);
    expect(a2.blobSha256).toBe(a1.blobSha256);
    expect(await db().blob.count()).toBe(1);
    expect(a1).toMatchObject({ width: 640, height: 480, mime: 'image/png', source: 'UPLOAD', stage: 'RAW' });
  });
});
