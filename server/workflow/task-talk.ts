import type { TAssignmentView, TComment } from '@/lib/schemas/workflow';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewDecision } from '../generated/prisma/enums';
import { rows, sql } from '../sql';
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
type Person = { id: string; name: string; email: string };

/** Comments with their mentions resolved to people (ids that no longer resolve are left out). */
export async function presentComments(comments: CommentRow[]): Promise<TComment[]> {
  const ids = [...new Set(comments.flatMap((r) => r.mentions))];
  const people = ids.length > 0 ? await rows<Person>(sql`SELECT id, name, email FROM "User" WHERE id = ANY(${ids}::text[])`) : [];
  const byId = new Map(people.map((p) => [p.id, presentPerson(p)]));
  return comments.map((r) => ({
    id: r.id,
    author: presentPerson(r.author),
    body: r.body,
    annotationId: r.annotationId,
    regionId: r.regionId,
    mentions: r.mentions.flatMap((id) => byId.get(id) ?? []),
    createdAt: r.createdAt.toISOString(),
  }));
}

// Person columns of a joined "User" u, as the presenters take them.
const PERSON_COLUMNS = sql`json_build_object('id', u.id, 'name', u.name, 'email', u.email)`;

/**
 * The conversation around a task: review decisions, comments, and its latest escalation. Plain SQL, three
 * statements at once: the claim path reads this for every item it hands out.
 */
export async function loadTaskTalk(taskId: string): Promise<Pick<TAssignmentView, 'reviews' | 'comments' | 'escalation'>> {
  const [reviews, comments, escalations] = await Promise.all([
    rows<{ id: string; annotationId: string; decision: ReviewDecision; comment: string; createdAt: Date; reviewer: Person }>(sql`
      SELECT r.id, r."annotationId", r.decision::text AS decision, r.comment, r."createdAt", ${PERSON_COLUMNS} AS reviewer
      FROM "Review" r
      JOIN "Annotation" n ON n.id = r."annotationId"
      JOIN "Assignment" a ON a.id = n."assignmentId"
      JOIN "User" u ON u.id = r."reviewerId"
      WHERE a."taskId" = ${taskId}
      ORDER BY r."createdAt"`),
    rows<CommentRow>(sql`
      SELECT c.id, c.body, c."annotationId", c."regionId", c.mentions, c."createdAt", ${PERSON_COLUMNS} AS author
      FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
      WHERE c."taskId" = ${taskId}
      ORDER BY c."createdAt"`),
    rows<{ reason: string; agreement: number | null; dueAt: Date; raisedBy: Person | null }>(sql`
      SELECT e.reason, e.agreement, e."dueAt", CASE WHEN u.id IS NULL THEN NULL ELSE ${PERSON_COLUMNS} END AS "raisedBy"
      FROM "Escalation" e LEFT JOIN "User" u ON u.id = e."raisedById"
      WHERE e."taskId" = ${taskId}
      ORDER BY e."createdAt" DESC
      LIMIT 1`),
  ]);
  const escalation = escalations[0];
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
    escalation: escalation
      ? {
          reason: escalation.reason,
          raisedBy: escalation.raisedBy && presentPerson(escalation.raisedBy),
          agreement: escalation.agreement,
          dueAt: escalation.dueAt.toISOString(),
        }
      : null,
  };
}
