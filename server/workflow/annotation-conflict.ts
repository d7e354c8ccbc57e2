import type { Tx } from '../db';
import { AppError } from '../errors';

/** Why a write conditional on an annotation's version matched nothing: not opened yet, or saved elsewhere since. */
export async function annotationConflict(tx: Tx, assignmentId: string): Promise<AppError> {
  const current = await tx.annotation.findUnique({ where: { assignmentId }, select: { version: true } });
  if (!current) return new AppError('CONFLICT', 'Open the item before saving or submitting: it has no annotation yet');
  return new AppError('STALE_VERSION', 'This annotation was saved from somewhere else since you loaded it; reload to continue', {
    currentVersion: current.version,
  });
}
