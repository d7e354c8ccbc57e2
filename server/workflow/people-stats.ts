import type { TQueueStats } from '@/lib/schemas/workflow';
import { db } from '../db';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  submitted: number;
  reviewed: number;
  accepted: number;
  rejected: number;
}

/** Each member's output in the project; `onlyUserId` limits it to one person (their own figures). */
export async function loadPeopleStats(projectId: string, onlyUserId: string | null): Promise<TQueueStats['people']> {
  const rows = await db().$queryRaw<PersonRow[]>`
    SELECT u.id, u.name, u.email,
      (SELECT count(*)::int FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
        WHERE a."userId" = u.id AND t."projectId" = ${projectId} AND a.pass = 'LABEL' AND a.status = 'SUBMITTED') AS submitted,
      (SELECT count(*)::int FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
        WHERE a."userId" = u.id AND t."projectId" = ${projectId} AND a.pass = 'REVIEW' AND a.status = 'SUBMITTED') AS reviewed,
      (SELECT count(*)::int FROM "Review" r JOIN "Annotation" n ON n.id = r."annotationId" JOIN "Assignment" a ON a.id = n."assignmentId"
        JOIN "Task" t ON t.id = a."taskId" WHERE n."authorId" = u.id AND t."projectId" = ${projectId} AND r.decision = 'ACCEPT') AS accepted,
      (SELECT count(*)::int FROM "Review" r JOIN "Annotation" n ON n.id = r."annotationId" JOIN "Assignment" a ON a.id = n."assignmentId"
        JOIN "Task" t ON t.id = a."taskId" WHERE n."authorId" = u.id AND t."projectId" = ${projectId} AND r.decision = 'REJECT') AS rejected
    FROM "User" u JOIN "Membership" m ON m."userId" = u.id
    WHERE m."projectId" = ${projectId} AND (${onlyUserId}::text IS NULL OR u.id = ${onlyUserId})
    ORDER BY u.name`;
  return rows.map((r) => ({
    user: { id: r.id, name: r.name, email: r.email },
    submitted: r.submitted,
    reviewed: r.reviewed,
    accepted: r.accepted,
    rejected: r.rejected,
    acceptRate: r.accepted + r.rejected > 0 ? r.accepted / (r.accepted + r.rejected) : null,
  }));
}
