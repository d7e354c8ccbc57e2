import type { Pass } from '../generated/prisma/enums';
import { rows, sql, type SqlClient } from '../sql';

export interface PassRow {
  id: string;
  position: number;
  kind: Pass;
  name: string;
  overlap: number;
  sampleRate: number;
  agreementThreshold: number;
  slaHours: number | null;
}

/** The project's live passes in order. */
export function livePasses(tx: SqlClient, projectId: string): Promise<PassRow[]> {
  return rows<PassRow>(
    sql`SELECT id, position, kind::text AS kind, name, overlap, "sampleRate", "agreementThreshold", "slaHours"
      FROM "WorkflowPass" WHERE "projectId" = ${projectId} AND "archivedAt" IS NULL ORDER BY position`,
    tx,
  );
}

/** The LABEL/REVIEW pass after `currentId` that this task goes through (REVIEW passes sample), or null. */
export function nextPassFor(passes: PassRow[], currentId: string | null, taskId: string): PassRow | null {
  const path = passes.filter((p) => p.kind !== 'ADJUDICATE');
  const start = currentId === null ? 0 : path.findIndex((p) => p.id === currentId) + 1;
  for (const pass of path.slice(start)) {
    if (pass.kind === 'LABEL' || inSample(taskId, pass)) return pass;
  }
  return null;
}

/** The LABEL pass a REVIEW pass reviews: the one just before it. */
export function reviewedPassOf(passes: PassRow[], reviewPassId: string): PassRow | null {
  const index = passes.findIndex((p) => p.id === reviewPassId);
  const before = passes[index - 1];
  return before?.kind === 'LABEL' ? before : null;
}

export function adjudicationPass(passes: PassRow[]): PassRow | null {
  return passes.find((p) => p.kind === 'ADJUDICATE') ?? null;
}

/**
 * Whether a task is in a REVIEW pass's sample: a stable hash of (task, pass) against the rate, so
 * the decision is the same every time it is asked and spreads evenly over tasks.
 */
export function inSample(taskId: string, pass: Pick<PassRow, 'id' | 'sampleRate'>): boolean {
  if (pass.sampleRate >= 1) return true;
  let hash = 2166136261;
  for (const char of `${taskId}:${pass.id}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 2 ** 32 < pass.sampleRate;
}
