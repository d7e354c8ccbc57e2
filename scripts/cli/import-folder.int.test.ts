import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '@/prisma/factories/add-member';
import { createProject } from '@/prisma/factories/create-project';
import { createUser } from '@/prisma/factories/create-user';
import { db } from '@/server/db';
import { closeQueues } from '@/server/jobs/enqueue';
import { importCommand } from './import-command';
import { importFolder } from './import-folder';

let base: string;
let dir: string;
let outside: string;
let project: { id: string; slug: string };
let owner: { id: string; email: string };

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'loupe-cli-'));
  dir = path.join(base, 'shoot');
  outside = path.join(base, 'secrets');
  await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(outside, 'passwd'), 'root:x:0:0');
  await writeFile(path.join(dir, 'a.png'), 'image bytes A');
  await writeFile(path.join(dir, 'nested', 'deeper', 'b.wav'), 'audio bytes B');
  await writeFile(path.join(dir, 'nested', 'copy-of-a.png'), 'image bytes A');
  await symlink(path.join(outside, 'passwd'), path.join(dir, 'escape.png'));
  await symlink(outside, path.join(dir, 'linked-folder'));
  const ownerRow = await createUser(db(), {});
  owner = ownerRow;
  project = await createProject(db(), { ownerId: ownerRow.id });
});

afterAll(async () => {
  await closeQueues();
  await rm(base, { recursive: true, force: true });
});

describe('loupe import <dir>', () => {
  it('imports nested files as the first owner, flags the duplicate and refuses links out of the folder', async () => {
    const summary = await importFolder({ dir, project: project.slug, concurrency: 3 });
    expect(summary.accepted).toBe(2);
    expect(summary.duplicates.map((d) => d.name).sort()).toHaveLength(1);
    expect(summary.rejected).toEqual([
      { name: 'escape.png', reason: 'symlink points outside the folder' },
      { name: 'linked-folder', reason: 'symlink points outside the folder' },
    ]);

    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: summary.batchId }, include: { items: true } });
    expect(batch).toMatchObject({ source: 'CLI', createdById: owner.id, label: 'CLI import of shoot' });
    expect(batch.items.map((i) => i.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'DUPLICATE', 'REJECTED', 'REJECTED']);
    const assets = await db().asset.findMany({ where: { importBatchId: batch.id }, orderBy: { sourceUri: 'asc' } });
    expect(assets.map((a) => [a.sourceUri, a.source, a.kind])).toEqual(
      expect.arrayContaining([['nested/deeper/b.wav', 'CLI', 'AUDIO']]),
    );
    // The audit trail names the person the command ran as.
    const audit = await db().auditEvent.findMany({
      where: { projectId: project.id, action: { in: ['import.create', 'asset.import'] } },
    });
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(new Set(audit.map((e) => e.actorId))).toEqual(new Set([owner.id]));
    // Nothing from outside the folder was read into the store.
    expect(await db().blob.count({ where: { bytes: BigInt('root:x:0:0'.length) } })).toBe(0);
  });

  it('with a manifest: imports exactly its rows, with capture metadata, and refuses paths leaving the folder', async () => {
    const manifest = path.join(base, 'manifest.csv');
    await writeFile(path.join(dir, 'nested', 'take-2.wav'), 'audio bytes only the manifest names');
    await writeFile(
      manifest,
      [
        'uri,captured_at,device,session',
        'nested/take-2.wav,2026-03-01T08:00:00Z,rec-1,s9',
        '../secrets/passwd,,,',
        '/etc/passwd,,,',
        'missing.png,,,',
        'a.png,not a date,,',
      ].join('\n'),
    );
    const lines: string[] = [];
    const code = await importCommand(
      [dir, '--project', project.id, '--as', owner.email, '--manifest', manifest, '--label', 'm'],
      (l) => lines.push(l),
    );
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/: 1 accepted, 0 duplicates, 4 rejected$/);
    expect(lines.slice(1)).toEqual([
      '  rejected   ../secrets/passwd: line 3: the path leaves the folder',
      '  rejected   /etc/passwd: line 4: absolute paths and URLs are refused: give a path relative to the folder',
      '  rejected   missing.png: line 5: no such file (or a broken symlink)',
      expect.stringMatching(/^ {2}rejected {3}a\.png: line 6: captured_at: not an ISO 8601/),
    ]);
    const asset = await db().asset.findFirstOrThrow({ where: { projectId: project.id, sourceUri: 'nested/take-2.wav' } });
    expect(asset).toMatchObject({ filename: 'take-2.wav', device: 'rec-1', metadata: { session: 's9' } });
    expect(asset.capturedAt?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('refuses a user without assets:write and an unknown project', async () => {
    const annotator = await createUser(db(), {});
    await addMember(db(), { projectId: project.id, userId: annotator.id, role: 'ANNOTATOR' });
    await expect(importFolder({ dir, project: project.slug, as: annotator.email })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(importFolder({ dir, project: 'no-such-project' })).rejects.toThrow(/No project/);
  });
});
