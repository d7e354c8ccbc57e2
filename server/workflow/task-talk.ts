import type { TAssignmentView, TComment } from '@/lib/schemas/workflow';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { PERSON_SELECT, presentPerson } from './present-person';

export const COMMENT_SELECT = {
  id: true,
  body: true,
  annotationId: true,
  regionId: true,
  mentions: true,
  createdAt: true,
  author: { select: PERSON_SELECT },
} as const satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_SELECT }>;

/** Comments with their mentions resolved to people (ids that no longer resolve are left out). */
export async function presentComments(rows: CommentRow[]): Promise<TComment[]> {
  const ids = [...new Set(rows.flatMap((r) => r.mentions))];
  const people = ids.length > 0 ? await db().user.findMany({ where: { id: { in: ids } }, select: PERSON_SELECT }) : [];
  const byId = new Map(people.map((p) => [p.id, presentPerson(p)]));
  return rows.map((r) => ({
    id: r.id,
    author: presentPerson(r.author),
    body: r.body,
    annotationId: r.annotationId,
    regionId: r.regionId,
    mentions: r.mentions.flatMap((id) => byId.get(id) ?? []),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The conversation around a task: review decisions, comments, and its latest escalation. */
export async function loadTaskTalk(taskId: string): Promise<Pick<TAssignmentView, 'reviews' | 'comments' | 'escalation'>> {
  // One query (relation joins): the claim path reads this for every item it hands out.
  const task = await db().task.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      comments: { select: COMMENT_SELECT, orderBy: { createdAt: 'asc' } },
      escalations: {
        select: { reason: true, agreement: true, dueAt: true, raisedBy: { select: PERSON_SELECT } },
        orderBy: { createdAt: 'desc' },
        take: 1,
      },
      assignments: {
        select: {
          annotations: {
            select: {
              reviews: {
                select: {
                  id: true,
                  annotationId: true,
                  decision: true,
                  comment: true,
                  createdAt: true,
                  reviewer: { select: PERSON_SELECT },
                },
              },
            },
          },
        },
      },
    },
  });
  const reviews = task.assignments
    .flatMap((a) => a.annotations.flatMap((n) => n.reviews))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const comments = task.comments;
  const escalation = task.escalations[0] ?? null;
  return {
    reviews: reviews.map((r) => ({
      id: r.id,
      annotationId: r.annotationId,
      reviewer: presentPerson(r.reviewer),
      decision: r.decision,
      comment: r.comment,
      createdAt: r.createdAt.toISOString(),
    })),
    comments: await presentComments(comments),
    escalation: escalation && {
      reason: escalation.reason,
      raisedBy: escalation.raisedBy && presentPerson(escalation.raisedBy),
      agreement: escalation.agreement,
      dueAt: escalation.dueAt.toISOString(),
    },
  };
}
