import { z } from 'zod';

// Importing labels made elsewhere (or exported from here) as suggestions on the project's assets.

export const LABEL_IMPORT_FORMATS = ['jsonl', 'coco', 'labelstudio'] as const;

/** The largest label file taken in one request (the body carries it as text). */
export const MAX_LABEL_FILE_CHARS = 20_000_000;

export const ZLabelImportSchema = z.object({
  format: z.enum(LABEL_IMPORT_FORMATS),
  /** The file's text. */
  content: z.string().min(1, 'the file is empty').max(MAX_LABEL_FILE_CHARS, 'the file is larger than 20 MB'),
  /** The suggestions' source as annotators see it; a Label Studio prediction keeps its own model_version. */
  model: z.string().trim().min(1).max(100).default('imported labels'),
  /** Check only: report what would be imported and every row refused, and write nothing. */
  dryRun: z.boolean().default(true),
});
export type TLabelImport = z.input<typeof ZLabelImportSchema>;

export const ZLabelImportReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(LABEL_IMPORT_FORMATS),
  /** Items the file holds labels for, and those matched to an asset of the project with at least one good region. */
  rows: z.number().int(),
  items: z.number().int(),
  regions: z.number().int(),
  /** Suggestions written (0 on a dry run). */
  created: z.number().int(),
  rejected: z.array(z.object({ row: z.string(), reason: z.string() })),
  /** All rejections, when more than the listed ones. */
  rejectedCount: z.number().int(),
});
export type TLabelImportReport = z.infer<typeof ZLabelImportReportSchema>;
