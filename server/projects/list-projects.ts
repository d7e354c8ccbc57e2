import type { TProject } from '@/lib/schemas/project';
import type { Ctx } from '../context';
import type { Role } from '../generated/prisma/enums';
import { presentProject } from '../presenters/project';
import { rows, sql } from '../sql';

/**
 * The caller's live projects, newest first, with member and asset counts. The counts are one grouped
 * query over the listed ids: a count per project row (what Prisma's `_count` generates) is planned once
 * for any project, so one project of 100,000 assets made every other project's count a table scan
 * (~1 s for 50 projects); grouped over the ids it is one index scan (~10 ms).
 */
export async function listProjects(ctx: Ctx): Promise<TProject[]> {
  const projects = await rows<{ id: string; slug: string; name: string; description: string; createdAt: Date; role: Role }>(sql`
    SELECT p.id, p.slug, p.name, p.description, p."createdAt", m.role::text AS role
    FROM "Membership" m JOIN "Project" p ON p.id = m."projectId"
    WHERE m."userId" = ${ctx.actor.id} AND p."archivedAt" IS NULL
    ORDER BY p."createdAt" DESC`);
  const ids = projects.map((p) => p.id);
  const [members, assets] = await Promise.all([
    rows<{ projectId: string; n: number }>(
      sql`SELECT "projectId", count(*)::int AS n FROM "Membership" WHERE "projectId" = ANY(${ids}::text[]) GROUP BY 1`,
    ),
    rows<{ projectId: string; n: number }>(
      sql`SELECT "projectId", count(*)::int AS n FROM "Asset" WHERE "projectId" = ANY(${ids}::text[]) GROUP BY 1`,
    ),
  ]);
  const memberCount = new Map(members.map((r) => [r.projectId, r.n]));
  const assetCount = new Map(assets.map((r) => [r.projectId, r.n]));
  return projects.map(({ role, ...project }) =>
    presentProject(
      { ...project, _count: { memberships: memberCount.get(project.id) ?? 0, assets: assetCount.get(project.id) ?? 0 } },
      role,
    ),
  );
}
