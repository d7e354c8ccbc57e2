import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { recordAudit } from '../audit';
import { rows, sql, transaction } from '../sql';
import { escalateTask } from '../workflow/move-task';
import type { StoredComparison } from './compute-quality-report';

/**
 * "Send to review" from the quality page: the chosen items go to the workflow's adjudication pass as
 * escalations with the lead's reason and the item's agreement, so an expert settles them. Items
 * already waiting there, or not compared in this project, are left as they are and reported back.
 */
export async function sendToReview(ctx: Ctx, input: { projectId: string; taskIds: string[]; reason: string }) {
  const access = await authorizeProject(db(), ctx, input.projectId, 'workflow:manage');
  const ids = [...new Set(input.taskIds)];
  return transaction(async (tx) => {
    const tasks = await rows<{ id: string; passId: string | null; passKind: string | null; comparison: StoredComparison | null }>(
      sql`SELECT t.id, t."passId", p.kind::text AS "passKind",
          (SELECT q.comparison FROM "QualityTaskResult" q WHERE q."taskId" = t.id ORDER BY q."computedAt" DESC LIMIT 1) AS comparison
        FROM "Task" t LEFT JOIN "WorkflowPass" p ON p.id = t."passId"
        WHERE t.id = ANY(${ids}::text[]) AND t."projectId" = ${access.projectId}
        ORDER BY t.id
        FOR UPDATE OF t`,
      tx,
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const skipped: { taskId: string; reason: string }[] = [];
    let escalated = 0;
    for (const taskId of ids) {
      const task = byId.get(taskId);
      if (!task?.comparison) {
        skipped.push({ taskId, reason: 'not a compared item of this project' });
        continue;
      }
      if (task.passKind === 'ADJUDICATE') {
        skipped.push({ taskId, reason: 'already waiting for an expert' });
        continue;
      }
      const { units } = task.comparison;
      const agreement = units.length > 0 ? units.filter((u) => u.ca === u.cb).length / units.length : null;
      await escalateTask(
        tx,
        { id: task.id, projectId: access.projectId, passId: task.passId },
        {
          reason: input.reason,
          raisedById: ctx.actor.id,
          agreement,
        },
      );
      await recordAudit(tx, ctx, {
        action: 'task.escalate',
        projectId: access.projectId,
        subjectType: 'Task',
        subjectId: task.id,
        after: { from: 'quality report', reason: input.reason, agreement },
      });
      escalated++;
    }
    return { escalated, skipped };
  });
}
