import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeQueues } from '@/server/jobs/enqueue';
import { unzipText } from '@/tests/unzip-text';
import { snapshotFixture } from '@/tests/snapshots/snapshot-fixture';
import { snapshotCommand } from './snapshot-command';

// `npm run loupe -- snapshot …` as a CI pipeline would run it: make a version, export it to a file,
// compare two versions; as the project's owner by default, or as someone who may not (refused).

let fx: Awaited<ReturnType<typeof snapshotFixture>>;
let dir: string;
beforeAll(async () => {
  fx = await snapshotFixture({ items: 6, accepted: 4 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeQueues();
});

async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await snapshotCommand(argv, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('loupe snapshot', () => {
  it('creates, exports to a file and compares versions', async () => {
    const first = await run('create', '--project', fx.project.slug, '--name', 'CI v1');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.output)).toMatchObject({ version: 1, items: 4, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const second = await run('create', '--project', fx.project.slug, '--name', 'CI v2', '--all', '--split', '1,0,0');
    expect(JSON.parse(second.output)).toMatchObject({ version: 2, items: 6, perSplit: { train: 6 } });

    const file = path.join(dir, 'v2-coco.zip');
    const exported = await run('export', '--project', fx.project.slug, '--version', '2', '--format', 'coco', '--out', file);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.output)).toMatchObject({ file, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Object.keys(await unzipText(await readFile(file)))).toContain('coco/train.json');

    const diff = await run('diff', '--project', fx.project.slug, '--from', '1', '--to', '2');
    expect(JSON.parse(diff.output)).toMatchObject({ from: 1, to: 2, added: 2, removed: 0 });
  });

  it('expires an export, rebuilds it to the same bytes, and expires exports older than N days', async () => {
    const file = path.join(dir, 'v2-csv.zip');
    const first = JSON.parse(
      (await run('export', '--project', fx.project.slug, '--version', '2', '--format', 'csv', '--out', file)).output,
    );
    const expired = await run('expire', '--project', fx.project.slug, '--version', '2', '--format', 'csv');
    expect(expired.code).toBe(0);
    expect(JSON.parse(expired.output)).toMatchObject({ version: 2, format: 'csv', status: 'EXPIRED', sha256: first.sha256 });
    const again = JSON.parse(
      (await run('export', '--project', fx.project.slug, '--version', '2', '--format', 'csv', '--out', file)).output,
    );
    expect(again).toMatchObject({ sha256: first.sha256, bytes: first.bytes, identical: true });

    const listed = await run('expire', '--project', fx.project.slug, '--older-than', '0', '--dry-run');
    expect(JSON.parse(listed.output)).toMatchObject({
      dryRun: true,
      expired: [
        { version: 2, format: 'coco' },
        { version: 2, format: 'csv' },
      ],
    });
    const swept = JSON.parse((await run('expire', '--project', fx.project.slug, '--older-than', '0')).output);
    expect(swept.expired).toHaveLength(2);
    expect(swept.bytes).toBeGreaterThan(0);
    expect(JSON.parse((await run('expire', '--project', fx.project.slug, '--older-than', '0')).output).expired).toEqual([]);
    await expect(run('expire', '--project', fx.project.slug, '--version', '1', '--format', 'yolo')).rejects.toThrow(
      /no yolo export/,
    );
  });

  it('prints its usage for a missing verb or project, and refuses someone who may not make snapshots', async () => {
    expect((await run('create')).code).toBe(1);
    expect((await run('publish', '--project', fx.project.slug)).output).toMatch(/usage:/);
    await expect(run('create', '--project', fx.project.slug, '--name', 'x', '--as', fx.annotator.actor.email)).rejects.toThrow(
      /may not/,
    );
    await expect(run('export', '--project', fx.project.slug, '--version', '1', '--format', 'parquet')).rejects.toThrow();
  });
});
