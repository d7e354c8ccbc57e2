import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../scripts/lib/paths';
import { db } from '../server/db';
import { createSnapshot } from '../server/snapshots/create-snapshot';
import { requestExport } from '../server/snapshots/request-export';
import { closeQueues } from '../server/jobs/enqueue';
import { seedFinishedImages } from '../prisma/factories/seed-finished-images';
import type { TExportFormat } from '../lib/schemas/snapshot';
import { round } from './percentiles';

// Snapshots and exports at scale: 100,000 accepted images × 10 boxes (1,000,000 annotations), a
// snapshot of them (items copied with provenance, manifest, checksum), then each format built by the
// export worker's own function in a child process of its own, so its peak RSS is the export's alone.
// Prints one JSON line per format.
const IMAGES = Number(process.env.BENCH_EXPORT_IMAGES ?? 100_000);
const BOXES = 10;
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? 'coco,jsonl,yolo').split(',') as TExportFormat[];

let started = performance.now();
const { ctx, projectId } = await seedFinishedImages(IMAGES, BOXES);
const seedSeconds = (performance.now() - started) / 1000;
started = performance.now();
const snapshot = await createSnapshot(ctx, { projectId, name: 'bench', filter: { status: 'accepted' } });
const snapshotSeconds = (performance.now() - started) / 1000;

try {
  for (const format of FORMATS) {
    const requested = await requestExport(ctx, { projectId, version: snapshot.version, format, includeMedia: false });
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join('bench', 'export-one.ts'), requested.id], {
      cwd: repoRoot,
      env: process.env,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const run = JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; bytes: number; peakRssMb: number };
    console.log(
      JSON.stringify({
        bench: 'export',
        format,
        annotations: IMAGES * BOXES,
        images: snapshot.itemCount,
        seconds: round(run.seconds, 1),
        peak_rss_mb: round(run.peakRssMb, 0),
        zip_mb: round(run.bytes / 1024 / 1024, 1),
        snapshot_seconds: round(snapshotSeconds, 1),
        seed_seconds: round(seedSeconds, 1),
      }),
    );
  }
} finally {
  await closeQueues();
  await db().$disconnect();
}
