import type { Prisma } from './generated/prisma/client';
import type { Ctx } from './context';
import type { Tx } from './db';

export interface AuditEntry {
  action: string;
  projectId?: string | null;
  subjectType: string;
  subjectId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

// Written in the same transaction as the change it records, so a change never lands without its trail.
export async function recordAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: ctx.via === 'system' ? null : ctx.actor.id,
      projectId: entry.projectId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: entry.after,
    },
  });
}
