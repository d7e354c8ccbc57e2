import { annotationProblems } from '@/lib/annotate/annotation-problems';
import { regionProblems, type RegionProblem } from '@/lib/annotate/validate-regions';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { ZPassScopeSchema, type TRegion } from '@/lib/schemas/workflow';
import { AppError } from '../errors';
import { one, sql, type SqlClient } from '../sql';
import { classesInScope, toPublished } from './published-taxonomy';

/** How many problems a refusal lists; the detail says how many there are in all. */
const LISTED_PROBLEMS = 50;

export interface AnnotationRules {
  version: number;
  /** The taxonomy version the annotation is on. */
  taxonomyVersion: number;
  /** The stored regions, when asked for (submit checks what was saved; a save checks what it was sent). */
  regions: unknown;
  /** What the annotation may use: its pinned taxonomy version, narrowed to the pass's scope as the task shell shows it. */
  classes: TTaxonomyClass[];
  /** The item's duration (audio, video), for the rules on segments that reach past its end. */
  durationSec: number | null;
  /** The video's frame count, for the rules on tracks and events that reach past its last frame. */
  frameCount: number | null;
}

/** The rules of an assignment's annotation, or null when it has none yet (the write then answers why). */
export async function annotationRules(
  tx: SqlClient,
  assignmentId: string,
  options: { withRegions: boolean },
): Promise<AnnotationRules | null> {
  const row = await one<{
    version: number;
    regions: unknown;
    taxonomyVersionId: string;
    taxonomyVersion: number;
    definition: unknown;
    scope: unknown;
    durationSec: number | null;
    frameCount: number | null;
  }>(
    sql`SELECT n.version, ${options.withRegions ? sql`n.regions` : sql`NULL`} AS regions,
        tv.id AS "taxonomyVersionId", tv.version AS "taxonomyVersion", tv.definition, p.scope,
        s."durationSec", s."frameCount"
      FROM "Annotation" n
      JOIN "TaxonomyVersion" tv ON tv.id = n."taxonomyVersionId"
      JOIN "Assignment" a ON a.id = n."assignmentId"
      JOIN "WorkflowPass" p ON p.id = a."passId"
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "Asset" s ON s.id = t."assetId"
      WHERE n."assignmentId" = ${assignmentId}`,
    tx,
  );
  if (!row) return null;
  const taxonomy = toPublished({ id: row.taxonomyVersionId, version: row.taxonomyVersion, definition: row.definition });
  return {
    version: row.version,
    taxonomyVersion: row.taxonomyVersion,
    regions: row.regions,
    classes: classesInScope(taxonomy.classes, ZPassScopeSchema.parse(row.scope)),
    durationSec: row.durationSec,
    frameCount: row.frameCount,
  };
}

/**
 * Refuses (422) regions that cannot be stored (`save`: any `save` problem) or handed in (`submit`:
 * any problem at all). The problem+json `errors` list the problems, each with its region and a
 * `path` (`regions.3.attributes.color`) as form errors carry it.
 */
export function assertRegions(
  regions: readonly TRegion[],
  rules: { classes: readonly TTaxonomyClass[]; durationSec: number | null; frameCount: number | null },
  gate: 'save' | 'submit',
): void {
  // A save stores drafts: only the general rules can refuse one. A submit answers to them all.
  const all = gate === 'save' ? regionProblems(regions, rules.classes) : annotationProblems(regions, rules.classes, rules);
  const problems = gate === 'save' ? all.filter((p) => p.blocking === 'save') : all;
  if (problems.length === 0) return;
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'})` : '';
  const what = gate === 'save' ? 'These labels cannot be saved' : 'This item cannot be submitted yet';
  throw new AppError('UNPROCESSABLE', `${what}: ${first.message}${more}`, problems.slice(0, LISTED_PROBLEMS).map(listed));
}

/**
 * The regions as stored. They passed ZRegionsSchema on the way in (the save route); parsing 20,000 of
 * them again costs ~40 ms of the submit, so only their shape as a list of objects is checked here and
 * `regionProblems` judges the rest.
 */
export function storedRegions(value: unknown): TRegion[] {
  if (Array.isArray(value) && value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)))
    return value as TRegion[];
  throw new AppError('UNPROCESSABLE', 'The saved labels cannot be read; change something so the editor saves them again');
}

function listed(p: RegionProblem) {
  return {
    path: p.field ? `regions.${p.index}.${p.field}` : `regions.${p.index}`,
    regionId: p.regionId,
    index: p.index,
    field: p.field,
    message: p.message,
    blocking: p.blocking,
  };
}
