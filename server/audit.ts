import type { Prisma } from './generated/prisma/client';
import type { Ctx } from './context';
import { rows, sql, type SqlClient, newId } from './sql';

export interface AuditEntry {
  action: string;
  projectId?: string | null;
  subjectType: string;
  subjectId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

// Written in the same transaction as the change it records, so a change never lands without its trail.
// Plain SQL (in a Prisma or a pg transaction alike): every decision on the workflow's hot path writes one.
export async function recordAudit(tx: SqlClient, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await rows(
    sql`INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "subjectType", "subjectId", before, after, "createdAt")
      VALUES (${newId()}, ${ctx.via === 'system' ? null : ctx.actor.id}, ${entry.projectId ?? null}, ${entry.action},
        ${entry.subjectType}, ${entry.subjectId}, ${jsonOrNull(entry.before)}::jsonb, ${jsonOrNull(entry.after)}::jsonb, clock_timestamp())`,
    tx,
  );
}

function jsonOrNull(value: Prisma.InputJsonValue | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
