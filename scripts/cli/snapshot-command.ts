import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ZExportFormatSchema } from '@/lib/schemas/snapshot';
import { buildExport } from '@/server/snapshots/build-export';
import { createSnapshot } from '@/server/snapshots/create-snapshot';
import { diffSnapshots } from '@/server/snapshots/diff-snapshots';
import { getExportFile } from '@/server/snapshots/get-export-file';
import { requestExport } from '@/server/snapshots/request-export';
import { blobStore } from '@/server/storage/blob-store';
import { actingUser } from './acting-user';
import { expireCommand } from './snapshot-expire';

export const SNAPSHOT_USAGE = [
  'loupe snapshot create --project <slug|id> --name <text> [--all] [--classes a,b] [--split 0.8,0.1,0.1] [--seed <text>] [--stratified] [--as <email>]',
  'loupe snapshot export --project <slug|id> --version <n> --format <jsonl|coco|yolo|voc|csv|webvtt|rttm|mot> [--media] [--out <file.zip>] [--as <email>]',
  'loupe snapshot diff --project <slug|id> --from <n> --to <n> [--as <email>]',
  'loupe snapshot expire --project <slug|id> (--version <n> --format <f> [--media] | --older-than <days> [--dry-run]) [--as <email>]',
].join('\n  ');

/**
 * Snapshots for scripts and CI pipelines, through the same domain functions as the API (so the same
 * permissions). `export` builds in this process (no worker needed) and writes the zip to `--out`.
 * Each prints one JSON object; exit 1 on bad usage or an error.
 */
export async function snapshotCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      as: { type: 'string' },
      name: { type: 'string' },
      all: { type: 'boolean', default: false },
      classes: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      stratified: { type: 'boolean', default: false },
      version: { type: 'string' },
      format: { type: 'string' },
      media: { type: 'boolean', default: false },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'older-than': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [verb] = positionals;
  if (!values.project || !verb || !['create', 'export', 'diff', 'expire'].includes(verb)) {
    out(`usage:\n  ${SNAPSHOT_USAGE}`);
    return 1;
  }
  const ctx = await actingUser(values.project, values.as);
  const projectId = values.project;
  if (verb === 'create') {
    const [train, val, test] = (values.split ?? '0.8,0.1,0.1').split(',').map(Number);
    const made = await createSnapshot(ctx, {
      projectId,
      name: values.name ?? '',
      filter: { status: values.all ? 'done' : 'accepted', classIds: values.classes ? values.classes.split(',') : [] },
      split: { train, val, test, seed: values.seed ?? 'loupe', stratified: values.stratified },
    });
    out(
      JSON.stringify({
        version: made.version,
        items: made.itemCount,
        checksum: made.checksum,
        perSplit: made.manifest?.perSplit,
      }),
    );
    return 0;
  }
  if (verb === 'expire') {
    out(JSON.stringify(await expireCommand(ctx, projectId, values)));
    return 0;
  }
  if (verb === 'diff') {
    const diff = await diffSnapshots(ctx, { projectId, version: Number(values.to), against: Number(values.from) });
    out(JSON.stringify(diff));
    return 0;
  }
  const version = Number(values.version);
  const format = ZExportFormatSchema.parse(values.format);
  const requested = await requestExport(ctx, { projectId, version, format, includeMedia: values.media });
  const built = await buildExport(requested.id);
  const file = await getExportFile(ctx, { projectId, version, exportId: requested.id });
  const path = values.out ?? file.filename;
  await pipeline(await blobStore().openRead(file.sha256), createWriteStream(path));
  // An expired export was rebuilt: say whether it gave the bytes it had (it should, always).
  const rebuilt =
    requested.status === 'QUEUED' && built?.previousSha256 ? { identical: built.previousSha256 === built.sha256 } : {};
  out(JSON.stringify({ file: path, sha256: file.sha256, bytes: file.bytes, ...rebuilt }));
  return 0;
}
