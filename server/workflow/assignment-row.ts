import type { AnnotationStatus, AssetKind, AssetStage, AssignmentStatus, Pass, TaskStatus } from '../generated/prisma/enums';
import type { AssetSummaryRow } from '../assets/present-asset';
import { THUMBNAIL_VARIANT } from '../assets/present-asset';
import { one, sql } from '../sql';

/** An assignment with its pass, task, asset (and thumbnail) and the holder's annotation, as the task shell needs it. */
export interface AssignmentRow {
  id: string;
  userId: string;
  status: AssignmentStatus;
  directed: boolean;
  round: number;
  leaseExpiresAt: Date | null;
  pass: { id: string; kind: Pass; name: string; scope: unknown; slaHours: number | null; position: number };
  task: {
    id: string;
    projectId: string;
    version: number;
    status: TaskStatus;
    priority: number;
    resultAnnotationId: string | null;
  };
  asset: AssetSummaryRow & { fps: number | null; frameCount: number | null };
  annotation: {
    id: string;
    version: number;
    status: AnnotationStatus;
    regions: unknown;
    updatedAt: Date;
    taxonomyVersion: { id: string; version: number; definition: unknown };
  } | null;
}

// The statement's flat columns; the assignment's own are named as in AssignmentRow.
interface FlatRow extends Pick<AssignmentRow, 'id' | 'userId' | 'status' | 'directed' | 'round' | 'leaseExpiresAt'> {
  passId: string;
  passKind: Pass;
  passName: string;
  scope: unknown;
  slaHours: number | null;
  position: number;
  taskId: string;
  projectId: string;
  taskVersion: number;
  taskStatus: TaskStatus;
  priority: number;
  resultAnnotationId: string | null;
  assetId: string;
  filename: string;
  assetKind: AssetKind;
  stage: AssetStage;
  mime: string;
  bytes: bigint;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fps: number | null;
  frameCount: number | null;
  failureReason: string | null;
  importBatchId: string | null;
  assetCreatedAt: Date;
  thumbnailSha256: string | null;
  annotationId: string | null;
  annotationVersion: number;
  annotationStatus: AnnotationStatus;
  regions: unknown;
  annotationUpdatedAt: Date;
  taxonomyVersionId: string;
  taxonomyVersion: number;
  definition: unknown;
}

/**
 * One statement on the pool for what Prisma read as a nested query (~2 ms of its query compiler on
 * every claim). The assignment must belong to a task of `projectId`.
 */
export async function loadAssignmentRow(assignmentId: string, projectId: string): Promise<AssignmentRow | null> {
  const row = await one<FlatRow>(sql`
    SELECT a.id, a."userId", a.status::text AS status, a.directed, a.round, a."leaseExpiresAt",
      p.id AS "passId", p.kind::text AS "passKind", p.name AS "passName", p.scope, p."slaHours", p.position,
      t.id AS "taskId", t."projectId", t.version AS "taskVersion", t.status::text AS "taskStatus", t.priority, t."resultAnnotationId",
      s.id AS "assetId", s.filename, s.kind::text AS "assetKind", s.stage::text AS stage, s.mime, s.bytes, s.width, s.height,
      s."durationSec", s.fps, s."frameCount", s."failureReason", s."importBatchId", s."createdAt" AS "assetCreatedAt",
      thumb."blobSha256" AS "thumbnailSha256",
      n.id AS "annotationId", n.version AS "annotationVersion", n.status::text AS "annotationStatus", n.regions,
      n."updatedAt" AS "annotationUpdatedAt", tv.id AS "taxonomyVersionId", tv.version AS "taxonomyVersion", tv.definition
    FROM "Assignment" a
    JOIN "WorkflowPass" p ON p.id = a."passId"
    JOIN "Task" t ON t.id = a."taskId"
    JOIN "Asset" s ON s.id = t."assetId"
    LEFT JOIN "AssetDerivative" thumb ON thumb."assetId" = s.id AND thumb.kind = 'THUMBNAIL' AND thumb.variant = ${THUMBNAIL_VARIANT}
    LEFT JOIN "Annotation" n ON n."assignmentId" = a.id
    LEFT JOIN "TaxonomyVersion" tv ON tv.id = n."taxonomyVersionId"
    WHERE a.id = ${assignmentId} AND t."projectId" = ${projectId}`);
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    status: row.status,
    directed: row.directed,
    round: row.round,
    leaseExpiresAt: row.leaseExpiresAt,
    pass: {
      id: row.passId,
      kind: row.passKind,
      name: row.passName,
      scope: row.scope,
      slaHours: row.slaHours,
      position: row.position,
    },
    task: {
      id: row.taskId,
      projectId: row.projectId,
      version: row.taskVersion,
      status: row.taskStatus,
      priority: row.priority,
      resultAnnotationId: row.resultAnnotationId,
    },
    asset: {
      id: row.assetId,
      projectId: row.projectId,
      filename: row.filename,
      kind: row.assetKind,
      stage: row.stage,
      mime: row.mime,
      bytes: row.bytes,
      width: row.width,
      height: row.height,
      durationSec: row.durationSec,
      fps: row.fps,
      frameCount: row.frameCount,
      failureReason: row.failureReason,
      importBatchId: row.importBatchId,
      createdAt: row.assetCreatedAt,
      derivatives: row.thumbnailSha256
        ? [{ kind: 'THUMBNAIL', variant: THUMBNAIL_VARIANT, blobSha256: row.thumbnailSha256 }]
        : [],
    },
    annotation: row.annotationId
      ? {
          id: row.annotationId,
          version: row.annotationVersion,
          status: row.annotationStatus,
          regions: row.regions,
          updatedAt: row.annotationUpdatedAt,
          taxonomyVersion: { id: row.taxonomyVersionId, version: row.taxonomyVersion, definition: row.definition },
        }
      : null,
  };
}
