import type { Tx } from '../db';

const MENTION = /@([^\s@]+@[^\s@]+\.[^\s@,;:!?)]+)/g;

/**
 * Stores a comment with its @email mentions resolved to members of the project (a mention of
 * someone outside it is left as plain text).
 */
export async function createComment(
  tx: Tx,
  input: {
    projectId: string;
    taskId: string;
    authorId: string;
    body: string;
    annotationId?: string | null;
    regionId?: string | null;
  },
) {
  const emails = [...input.body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase());
  const mentioned =
    emails.length > 0
      ? await tx.user.findMany({
          where: { email: { in: emails }, memberships: { some: { projectId: input.projectId } } },
          select: { id: true },
        })
      : [];
  return tx.comment.create({
    data: {
      projectId: input.projectId,
      taskId: input.taskId,
      authorId: input.authorId,
      body: input.body,
      annotationId: input.annotationId ?? null,
      regionId: input.regionId ?? null,
      mentions: mentioned.map((u) => u.id),
    },
    select: { id: true },
  });
}
