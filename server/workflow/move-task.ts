import type { TTaskMove } from '@/lib/schemas/workflow';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { TaskStatus } from '../generated/prisma/enums';
import { adjudicationPass, livePasses, nextPassFor, type PassRow } from './pass-order';

const STATUS_IN: Record<PassRow['kind'], TaskStatus> = { LABEL: 'OPEN', REVIEW: 'IN_REVIEW', ADJUDICATE: 'ESCALATED' };
const DEFAULT_ESCALATION_SLA_HOURS = 24;

export interface MovingTask {
  id: string;
  projectId: string;
}

/**
 * Puts a task in a pass's queue. A REVIEW pass the task has been through before (a rework coming
 * back) goes straight back to the reviewer who rejected it, as directed work; otherwise the pass's
 * slots open for anyone allowed to claim.
 */
export async function enterPass(tx: Tx, task: MovingTask, pass: PassRow, resultAnnotationId?: string | null): Promise<TTaskMove> {
  let openSlots = pass.kind === 'LABEL' ? pass.overlap : 1;
  if (pass.kind === 'REVIEW') {
    const previous = await tx.assignment.findFirst({
      where: { taskId: task.id, passId: pass.id, status: 'SUBMITTED' },
      orderBy: { submittedAt: 'desc' },
      select: { id: true },
    });
    if (previous) {
      await tx.assignment.update({
        where: { id: previous.id },
        data: {
          status: 'ACTIVE',
          directed: true,
          round: { increment: 1 },
          leaseExpiresAt: null,
          queuedAt: new Date(),
          claimedAt: new Date(),
        },
      });
      openSlots = 0;
    }
  }
  const status = STATUS_IN[pass.kind];
  await tx.task.update({
    where: { id: task.id },
    data: {
      passId: pass.id,
      status,
      openSlots,
      ...(pass.kind === 'LABEL' ? { overlap: pass.overlap } : {}),
      enteredPassAt: new Date(),
      version: { increment: 1 },
      ...(resultAnnotationId !== undefined ? { resultAnnotationId } : {}),
    },
  });
  return { taskId: task.id, taskStatus: status, movedTo: pass.name };
}

/** The task leaves `fromPassId` for the next pass it goes through, or is done. */
export async function advanceTask(
  tx: Tx,
  task: MovingTask,
  fromPassId: string,
  resultAnnotationId: string | null,
  /** The live passes, when the caller has them already. */
  passes?: PassRow[],
): Promise<TTaskMove> {
  const next = nextPassFor(passes ?? (await livePasses(tx, task.projectId)), fromPassId, task.id);
  if (next) return enterPass(tx, task, next, resultAnnotationId);
  await tx.task.update({
    where: { id: task.id },
    data: { passId: null, status: 'DONE', openSlots: 0, doneAt: new Date(), resultAnnotationId, version: { increment: 1 } },
  });
  return { taskId: task.id, taskStatus: 'DONE', movedTo: 'done' };
}

export interface EscalationInput {
  reason: string;
  /** null when the workflow escalates by itself. */
  raisedById: string | null;
  annotationId?: string | null;
  agreement?: number | null;
}

/**
 * Sends a task to the adjudication pass with an escalation due after that pass's SLA. Whoever else
 * was still working the task in its current pass is released: the expert decides now.
 */
export async function escalateTask(
  tx: Tx,
  task: MovingTask & { passId: string | null },
  input: EscalationInput,
): Promise<TTaskMove> {
  const adjudication = adjudicationPass(await livePasses(tx, task.projectId));
  if (!adjudication) throw new AppError('CONFLICT', 'This workflow has no adjudication pass: add one to escalate items');
  const slaHours = adjudication.slaHours ?? DEFAULT_ESCALATION_SLA_HOURS;
  await tx.escalation.create({
    data: {
      taskId: task.id,
      annotationId: input.annotationId ?? null,
      reason: input.reason,
      raisedById: input.raisedById,
      agreement: input.agreement ?? null,
      dueAt: new Date(Date.now() + slaHours * 3600_000),
    },
  });
  if (task.passId) {
    await tx.assignment.updateMany({
      where: { taskId: task.id, passId: task.passId, status: 'ACTIVE' },
      data: { status: 'RELEASED' },
    });
  }
  return enterPass(tx, task, adjudication);
}
