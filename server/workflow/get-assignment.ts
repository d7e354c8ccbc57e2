import { ZPassScopeSchema, type TAssignmentView } from '@/lib/schemas/workflow';
import { assetContentUrl } from '../assets/asset-urls';
import { playableMedia } from '../assets/playable-media';
import { presentAssetSummary } from '../assets/present-asset';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { Role } from '../generated/prisma/enums';
import { authorizeProject, can } from '../permissions';
import { one, sql } from '../sql';
import { loadAssignmentRow } from './assignment-row';
import { ensureAnnotation } from './ensure-annotation';
import { loadEarlierRevision, loadJudgedAnnotations, loadPreviousAnnotation } from './annotation-views';
import { classesInScope, currentTaxonomy, toPublished } from './published-taxonomy';
import { loadTaskTalk } from './task-talk';
import { QUEUE_COUNT_CAP } from './workflow-constants';

/** One assignment as the task shell shows it: its holder sees it, and so do OWNER and DATA_LEAD. */
export async function getAssignment(ctx: Ctx, input: { projectId: string; assignmentId: string }): Promise<TAssignmentView> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  return presentAssignment(ctx, { projectId: access.projectId, role: access.role, assignmentId: input.assignmentId });
}

/** The view itself, for a caller whose membership (`role`) in the project is already established. */
export async function presentAssignment(
  ctx: Ctx,
  access: { projectId: string; role: Role; assignmentId: string },
): Promise<TAssignmentView> {
  const row = await loadAssignmentRow(access.assignmentId, access.projectId);
  if (!row) throw notFound('Assignment');
  if (row.userId !== ctx.actor.id && !can(access.role, 'workflow:manage')) {
    throw new AppError('FORBIDDEN', 'This item is assigned to someone else');
  }
  const pass = row.pass;
  const scope = ZPassScopeSchema.parse(pass.scope);
  const annotation =
    pass.kind === 'LABEL' ? await ensureAnnotation(row.id, row.userId, row.task, row.annotation ?? undefined) : null;
  const taxonomy = annotation ? toPublished(annotation.taxonomyVersion) : await currentTaxonomy(db(), access.projectId);
  const [labelPrevious, subjects, talk, queueRemaining, media] = await Promise.all([
    pass.kind === 'LABEL' ? loadPreviousAnnotation(row.task, annotation) : null,
    pass.kind === 'LABEL' ? [] : loadJudgedAnnotations(row.task.id, pass),
    loadTaskTalk(row.task.id),
    countOpen(pass.id),
    playableMedia(access.projectId, row.asset),
  ]);
  // A reviewer given back a reworked item compares it with the version sent back.
  const previous = pass.kind === 'REVIEW' ? await loadEarlierRevision(subjects) : labelPrevious;
  return {
    assignment: {
      id: row.id,
      status: row.status,
      directed: row.directed,
      round: row.round,
      leaseExpiresAt: row.leaseExpiresAt?.toISOString() ?? null,
      userId: row.userId,
    },
    pass: { id: pass.id, kind: pass.kind, name: pass.name, scope, slaHours: pass.slaHours },
    task: { id: row.task.id, version: row.task.version, status: row.task.status, priority: row.task.priority },
    asset: {
      ...presentAssetSummary(row.asset),
      contentUrl: assetContentUrl(access.projectId, row.asset.id),
      fps: row.asset.fps,
      frameCount: row.asset.frameCount,
      ...media,
    },
    taxonomy: {
      versionId: taxonomy.id,
      version: taxonomy.version,
      classes: classesInScope(taxonomy.classes, scope),
    },
    annotation: annotation && {
      id: annotation.id,
      version: annotation.version,
      status: annotation.status,
      regions: annotation.regions,
      updatedAt: annotation.updatedAt.toISOString(),
    },
    previous,
    subjects,
    reviews: talk.reviews,
    comments: talk.comments,
    escalation: talk.escalation,
    queueRemaining,
  };
}

/**
 * Open items in the pass, counted up to QUEUE_COUNT_CAP on the claim index: an exact count walked
 * every open task (37 ms at 100,000) on every claim, for a figure shown as "1,000+" past that.
 */
async function countOpen(passId: string): Promise<number> {
  const row = await one<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Task" WHERE "passId" = ${passId} AND "openSlots" > 0 LIMIT ${QUEUE_COUNT_CAP}) open`);
  return row?.n ?? 0;
}
