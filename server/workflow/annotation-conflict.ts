import { AppError } from '../errors';
import { one, sql, type SqlClient } from '../sql';

/** Why a write conditional on an annotation's version matched nothing: not opened yet, or saved elsewhere since. */
export async function annotationConflict(tx: SqlClient, assignmentId: string): Promise<AppError> {
  const current = await one<{ version: number }>(
    sql`SELECT version FROM "Annotation" WHERE "assignmentId" = ${assignmentId}`,
    tx,
  );
  if (!current) return new AppError('CONFLICT', 'Open the item before saving or submitting: it has no annotation yet');
  return new AppError('STALE_VERSION', 'This annotation was saved from somewhere else since you loaded it; reload to continue', {
    currentVersion: current.version,
  });
}
