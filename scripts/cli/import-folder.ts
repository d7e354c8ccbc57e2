import { createReadStream } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestFile } from '@/server/assets/ingest-file';
import { AppError } from '@/server/errors';
import { addImportItems } from '@/server/imports/add-import-items';
import { openCliBatch } from '@/server/imports/open-cli-batch';
import { assertPipelineCapacity } from '@/server/jobs/pipeline-backlog';
import { actingUser } from './acting-user';
import { planImport, type PlannedFile } from './plan-import';

export interface ImportFolderOptions {
  dir: string;
  project: string;
  as?: string;
  manifest?: string;
  label?: string;
  concurrency?: number;
  onPlanned?: (totals: { files: number; bytes: number }) => void;
  onFileDone?: (file: { bytes: number }) => void;
}

export interface ImportSummary {
  batchId: string;
  accepted: number;
  duplicates: { name: string; duplicateOf: string }[];
  queuedUrls: number;
  rejected: { name: string; reason: string }[];
}

/** `loupe import <dir>`: one CLI batch, every file through ingestFile, a summary of what became of each. */
export async function importFolder(options: ImportFolderOptions): Promise<ImportSummary> {
  const ctx = await actingUser(options.project, options.as);
  const plan = await planImport(options.dir, options.manifest);
  const batch = await openCliBatch(ctx, {
    projectId: options.project,
    label: options.label ?? `CLI import of ${path.basename(plan.root)}`,
  });
  const summary: ImportSummary = { batchId: batch.id, accepted: 0, duplicates: [], queuedUrls: plan.urls.length, rejected: [] };
  const rejectedRows = [...plan.rejected];
  options.onPlanned?.({ files: plan.files.length, bytes: plan.files.reduce((sum, f) => sum + f.bytes, 0) });

  await eachWithConcurrency(plan.files, options.concurrency ?? 4, async (file) => {
    try {
      await waitForCapacity();
      const result = await ingestFile(ctx, {
        projectId: batch.projectId,
        batchId: batch.id,
        name: file.name,
        source: 'CLI',
        sourceUri: file.relative,
        capture: file.capture,
        bytes: createReadStream(file.absolute),
      });
      if (result.status === 'ACCEPTED') summary.accepted++;
      else summary.duplicates.push({ name: file.relative, duplicateOf: result.duplicateOf ?? '' });
    } catch (error) {
      rejectedRows.push({ name: file.name, sourceUri: file.relative, reason: (error as Error).message });
    } finally {
      options.onFileDone?.({ bytes: file.bytes });
    }
  });

  if (rejectedRows.length > 0 || plan.urls.length > 0) {
    await addImportItems(ctx, {
      projectId: batch.projectId,
      batchId: batch.id,
      urls: plan.urls,
      rejected: rejectedRows,
      via: 'cli',
    });
  }
  summary.rejected = rejectedRows.map((r) => ({ name: r.sourceUri ?? r.name, reason: r.reason }));
  return summary;
}

// The CLI waits out a saturated pipeline instead of failing: it is a batch job, not a web request.
async function waitForCapacity(): Promise<void> {
  for (;;) {
    try {
      return await assertPipelineCapacity();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
      await sleep(((error.details as { retryAfter: number }).retryAfter ?? 5) * 1000);
    }
  }
}

async function eachWithConcurrency(
  files: PlannedFile[],
  limit: number,
  run: (file: PlannedFile) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, files.length)) }, async () => {
    while (next < files.length) await run(files[next++]!);
  });
  await Promise.all(lanes);
}
