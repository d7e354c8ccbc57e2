import { createProject } from './create-project';
import { createTaxonomy } from './create-taxonomy';
import { createUser } from './create-user';
import { createStubAssets, createWorkflowPasses } from './create-workflow';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { rows, sql } from '@/server/sql';

const CHUNK = 10_000;

/**
 * `images` finished, accepted items of `boxes` boxes each, written in SQL (tasks, assignments,
 * annotations, a review per item) on stub assets (640 × 480, no bytes); box positions vary per item.
 * Each task's result id is derived from its asset's: a statement does not see the rows its own CTEs
 * insert (but through RETURNING), so it cannot be set by an UPDATE in the same statement.
 */
export async function seedFinishedImages(images: number, boxes: number): Promise<{ ctx: Ctx; projectId: string }> {
  const owner = await createUser(db());
  const ctx: Ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isSiteAdmin: false }, via: 'session' };
  const project = await createProject(db(), { ownerId: owner.id });
  const { version } = await createTaxonomy(db(), { projectId: project.id, publish: true, publishedById: owner.id });
  const [pass] = await createWorkflowPasses(db(), { projectId: project.id, passes: [{ kind: 'LABEL', name: 'Label' }] });
  const assets = await createStubAssets(db(), { projectId: project.id, count: images });
  for (let start = 0; start < assets.length; start += CHUNK) {
    const ids = assets.slice(start, start + CHUNK);
    await rows(
      sql`WITH t AS (
          INSERT INTO "Task" (id, "projectId", "assetId", status, "openSlots", "doneAt", "updatedAt", "resultAnnotationId")
          SELECT 't' || a, ${project.id}, a, 'DONE', 0, now(), now(), 'nst' || a FROM unnest(${ids}::text[]) AS a
          RETURNING id),
        s AS (
          INSERT INTO "Assignment" (id, "taskId", "userId", pass, "passId", status, "submittedAt")
          SELECT 's' || t.id, t.id, ${owner.id}, 'LABEL', ${pass!.id}, 'SUBMITTED', now() FROM t
          RETURNING id, "taskId"),
        an AS (
          INSERT INTO "Annotation" (id, "assignmentId", "authorId", "taxonomyVersionId", status, "updatedAt", regions)
          SELECT 'n' || s.id, s.id, ${owner.id}, ${version.id}, 'ACCEPTED', now(),
            (SELECT jsonb_agg(jsonb_build_object('id', 'b' || g, 'type', 'bbox', 'classId', (ARRAY['car', 'pedestrian', 'cyclist'])[1 + g % 3],
                'attributes', '{}'::jsonb, 'x', (abs(hashtext(s.id || g)) % 900) / 1000.0, 'y', (abs(hashtext(g || s.id)) % 900) / 1000.0,
                'w', 0.05, 'h', 0.08))
              FROM generate_series(1, ${boxes}::int) AS g)
          FROM s RETURNING id)
      INSERT INTO "Review" (id, "annotationId", "reviewerId", decision) SELECT 'r' || an.id, an.id, ${owner.id}, 'ACCEPT' FROM an`,
    );
  }
  await rows(sql`ANALYZE`);
  return { ctx, projectId: project.id };
}
