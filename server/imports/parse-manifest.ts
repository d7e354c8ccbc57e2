import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { TCaptureMetadata } from '@/lib/schemas/asset';
import { AppError } from '../errors';

export type ManifestFormat = 'csv' | 'jsonl';

export type ManifestRow =
  | { line: number; ok: true; uri: string; name: string | undefined; capture: TCaptureMetadata }
  | { line: number; ok: false; uri: string | null; reason: string };

// Named columns; any other column (CSV) or top-level key (JSONL) goes to the free `metadata`.
const KNOWN = new Set(['uri', 'name', 'captured_at', 'device', 'location', 'consent', 'license', 'metadata']);
const text = (max: number) => z.string().trim().max(max).optional();
const ISO_DATE = z.iso.date();
const ISO_DATE_TIME = z.iso.datetime({ offset: true });
const ZMetaValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

const ZManifestRowSchema = z.object({
  uri: z.string({ error: 'uri is missing' }).trim().min(1, 'uri is missing').max(2000),
  name: text(255),
  // A date alone means midnight UTC; a date-time must say its offset, so no time zone is guessed.
  captured_at: z
    .string()
    .transform((value, ctx) => {
      if (ISO_DATE.safeParse(value).success) return `${value}T00:00:00Z`;
      if (ISO_DATE_TIME.safeParse(value).success) return value;
      ctx.addIssue({ code: 'custom', message: 'not an ISO 8601 date or date-time with offset (e.g. 2026-05-01T12:00:00Z)' });
      return z.NEVER;
    })
    .optional(),
  device: text(200),
  location: text(200),
  consent: text(200),
  license: text(200),
  metadata: z.record(z.string().max(100), ZMetaValueSchema).optional(),
});

/**
 * Parses a CSV (header row) or JSON Lines manifest into one entry per row, each either valid or
 * rejected with its line number and reason, so a caller can report every row. Only a file that
 * cannot be read as a whole (e.g. an unclosed quote) throws.
 */
export function parseManifest(body: string, format: ManifestFormat): ManifestRow[] {
  return format === 'csv' ? parseCsvManifest(body) : parseJsonlManifest(body);
}

function parseCsvManifest(body: string): ManifestRow[] {
  const rows: ManifestRow[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(body, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) rows.push({ line: Number(error.lines), ok: false, uri: null, reason: error.message });
        return undefined;
      },
    });
  } catch (error) {
    throw new AppError('VALIDATION', `The CSV manifest cannot be read: ${(error as Error).message}`);
  }
  if (records[0] && !('uri' in records[0].record)) throw new AppError('VALIDATION', 'The CSV manifest needs a "uri" column');
  for (const { record, info } of records) {
    const known: Record<string, unknown> = {};
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (value === '') continue;
      if (KNOWN.has(key) && key !== 'metadata') known[key] = value;
      else metadata[key] = value;
    }
    rows.push(validate(info.lines, { ...known, ...(Object.keys(metadata).length ? { metadata } : {}) }));
  }
  return rows.sort((a, b) => a.line - b.line);
}

function parseJsonlManifest(body: string): ManifestRow[] {
  const rows: ManifestRow[] = [];
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      rows.push({ line, ok: false, uri: null, reason: 'not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rows.push({ line, ok: false, uri: null, reason: 'not a JSON object' });
      return;
    }
    const known: Record<string, unknown> = {};
    const extra: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) (KNOWN.has(key) ? known : extra)[key] = field;
    // A `metadata` that is not an object is passed on as is, for the schema to reject with a reason.
    const given = known.metadata ?? {};
    const metadata = isPlainObject(given) ? { ...extra, ...given } : given;
    rows.push(
      validate(line, { ...known, metadata: isPlainObject(metadata) && !Object.keys(metadata).length ? undefined : metadata }),
    );
  });
  return rows;
}

function validate(line: number, input: Record<string, unknown>): ManifestRow {
  const parsed = ZManifestRowSchema.safeParse(input);
  const uri = typeof input.uri === 'string' ? input.uri : null;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    const message = issue?.message ?? 'invalid row';
    return { line, ok: false, uri, reason: where === 'uri: ' ? message : `${where}${message}` };
  }
  const { uri: validUri, name, captured_at, metadata, ...rest } = parsed.data;
  return { line, ok: true, uri: validUri, name, capture: { ...rest, capturedAt: captured_at, metadata } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
