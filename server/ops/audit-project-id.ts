import type { Tx } from '../db';

/**
 * A dead letter's projectId comes from its payload, which may name a deleted project (or, for a
 * malformed payload, none at all). The audit trail links the project only when it still exists.
 */
export async function auditProjectId(tx: Tx, projectId: string | null): Promise<string | null> {
  if (!projectId) return null;
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
  return project?.id ?? null;
}
