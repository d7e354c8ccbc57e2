import type { Tx } from '../db';
import { AppError } from '../errors';

/** A project must keep an owner: called before an owner is demoted or removed. */
export async function assertAnotherOwnerRemains(tx: Tx, projectId: string): Promise<void> {
  const owners = await tx.membership.count({ where: { projectId, role: 'OWNER' } });
  if (owners <= 1) {
    throw new AppError('CONFLICT', 'A project needs at least one owner: make someone else owner first');
  }
}
