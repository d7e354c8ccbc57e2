import type { TTaskList } from '@/lib/schemas/workflow';
import { derivativeUrl } from '../assets/asset-urls';
import { THUMBNAIL_VARIANT } from '../assets/present-asset';
import type { Ctx } from '../context';
import { db } from '../db';
import type { TaskStatus } from '../generated/prisma/enums';
import { authorizeProject } from '../permissions';
import { PERSON_SELECT, presentPerson } from './present-person';

/** Tasks newest first with their pass and who holds or held them; keyset-paged by id. */
export async function listTasks(
  ctx: Ctx,
  input: { projectId: string; status?: TaskStatus; passId?: string; cursor?: string; limit: number },
): Promise<TTaskList> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'workflow:manage');
  const rows = await db().task.findMany({
    where: { projectId: access.projectId, status: input.status, passId: input.passId },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      status: true,
      priority: true,
      enteredPassAt: true,
      pass: { select: { name: true } },
      asset: {
        select: {
          id: true,
          projectId: true,
          filename: true,
          kind: true,
          derivatives: {
            where: { kind: 'THUMBNAIL', variant: THUMBNAIL_VARIANT },
            select: { kind: true, variant: true, blobSha256: true },
          },
        },
      },
      assignments: { select: { status: true, user: { select: PERSON_SELECT }, workflowPass: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((t) => ({
      id: t.id,
      status: t.status,
      priority: t.priority,
      passName: t.pass?.name ?? null,
      enteredPassAt: t.enteredPassAt.toISOString(),
      asset: {
        id: t.asset.id,
        filename: t.asset.filename,
        kind: t.asset.kind,
        thumbnailUrl: t.asset.derivatives[0] ? derivativeUrl(t.asset.projectId, t.asset.id, t.asset.derivatives[0]) : null,
      },
      assignees: t.assignments.map((a) => ({ user: presentPerson(a.user), pass: a.workflowPass.name, status: a.status })),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
