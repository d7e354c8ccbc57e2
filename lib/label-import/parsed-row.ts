import type { TRegion } from '../schemas/workflow';

// What the label import parsers (JSONL, COCO, Label Studio) make of a file: one row per item, found
// again by its content hash or its file name, with its regions in our geometry (normalized 0–1) and
// the class as the file names it (an id or a name, resolved against the taxonomy by the server). Rows
// the parser cannot read are rejected with the reason, never dropped silently.

export interface ParsedRegion {
  /** Which of the row's entries it came from, as the file numbers them: "annotation 12", "result 2". */
  where: string;
  type: TRegion['type'];
  /** The class as the file gives it: a class id, or a name. */
  classRef: string;
  attributes: TRegion['attributes'];
  /** The geometry fields of lib/schemas/geometry.ts (x, y, w, h / points …). */
  geometry: Record<string, unknown>;
  /** A model's confidence, when it gave one. */
  score: number | null;
}

export interface ParsedRow {
  /** Where the row is in the file, for the report: "line 3", "image 12 (street.jpg)", "task 4 prediction 1". */
  row: string;
  match: { sha256?: string; filename?: string };
  regions: ParsedRegion[];
  /** Whose labels these are in the file: a person's, or a model's (its name and version). */
  source: { kind: 'annotation' | 'prediction'; model: string | null };
}

export interface Rejection {
  row: string;
  reason: string;
}

export interface ParseResult {
  rows: ParsedRow[];
  rejected: Rejection[];
}

/** The last segment of a path or URL: assets are matched by their own name only (nothing is ever opened by this path). */
export function baseNameOf(pathOrUrl: string): string {
  const withoutQuery = pathOrUrl.split(/[?#]/)[0] ?? '';
  const last = withoutQuery.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export { finite };

/** Parses JSON, or says why not in a sentence a person can act on. */
export function parseJson(text: string, what: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `${what} is not valid JSON: ${(error as Error).message}` };
  }
}
