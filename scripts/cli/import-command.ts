import { parseArgs } from 'node:util';
import { importFolder, type ImportSummary } from './import-folder';
import { createProgress } from './progress';

export const IMPORT_USAGE = `loupe import <dir> --project <slug|id> [--as <email>] [--manifest <file.csv|file.jsonl>] [--label <text>] [--concurrency <n>]`;

/**
 * Exit codes: 0 when every file was accepted or was a duplicate, 2 when at least one was rejected
 * (the batch is still recorded: the summary lists what went wrong), 1 for bad usage or a fatal error.
 */
export async function importCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      as: { type: 'string' },
      manifest: { type: 'string' },
      label: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const dir = positionals[0];
  const concurrency = Number(values.concurrency);
  if (!dir || !values.project || !Number.isInteger(concurrency) || concurrency < 1) {
    out(`usage: ${IMPORT_USAGE}`);
    return 1;
  }
  const progress = createProgress();
  let summary: ImportSummary;
  try {
    summary = await importFolder({
      dir,
      project: values.project,
      as: values.as,
      manifest: values.manifest,
      label: values.label,
      concurrency,
      onPlanned: (totals) => progress.start(totals),
      onFileDone: (file) => progress.fileDone(file),
    });
  } finally {
    progress.stop();
  }
  for (const line of formatSummary(summary)) out(line);
  return summary.rejected.length > 0 ? 2 : 0;
}

export function formatSummary(summary: ImportSummary): string[] {
  const lines = [
    `batch ${summary.batchId}: ${summary.accepted} accepted, ${summary.duplicates.length} duplicates, ${summary.rejected.length} rejected` +
      (summary.queuedUrls ? `, ${summary.queuedUrls} URLs queued for fetching` : ''),
  ];
  for (const d of summary.duplicates) lines.push(`  duplicate  ${d.name} (same bytes as asset ${d.duplicateOf})`);
  for (const r of summary.rejected) lines.push(`  rejected   ${r.name}: ${r.reason}`);
  return lines;
}
