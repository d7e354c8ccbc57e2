import { ZRegionsSchema, type TAnnotationView } from '@/lib/schemas/workflow';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Pass } from '../generated/prisma/enums';
import type { OwnAnnotation } from './ensure-annotation';
import { PERSON_SELECT, presentPerson } from './present-person';

export const ANNOTATION_VIEW_SELECT = {
  id: true,
  version: true,
  status: true,
  regions: true,
  author: { select: PERSON_SELECT },
  assignment: { select: { submittedAt: true, workflowPass: { select: { name: true, position: true } } } },
} as const satisfies Prisma.AnnotationSelect;

type AnnotationViewRow = Prisma.AnnotationGetPayload<{ select: typeof ANNOTATION_VIEW_SELECT }>;

export function presentAnnotationView(row: AnnotationViewRow): TAnnotationView {
  return {
    id: row.id,
    author: presentPerson(row.author),
    passName: row.assignment.workflowPass.name,
    version: row.version,
    status: row.status,
    regions: ZRegionsSchema.parse(row.regions),
    submittedAt: row.assignment.submittedAt?.toISOString() ?? null,
  };
}

/**
 * What a LABEL assignment compares against: for a rework, the annotation as it was rejected (its
 * last submitted revision); for a later LABEL pass, the earlier passes' result.
 */
export async function loadPreviousAnnotation(
  task: { resultAnnotationId: string | null },
  own: OwnAnnotation | null,
): Promise<TAnnotationView | null> {
  if (own?.status === 'REJECTED') {
    const [row, revision] = await Promise.all([
      db().annotation.findUniqueOrThrow({ where: { id: own.id }, select: ANNOTATION_VIEW_SELECT }),
      db().annotationRevision.findFirst({ where: { annotationId: own.id }, orderBy: { version: 'desc' } }),
    ]);
    const view = presentAnnotationView(row);
    return revision ? { ...view, version: revision.version, regions: ZRegionsSchema.parse(revision.regions) } : view;
  }
  if (!task.resultAnnotationId || task.resultAnnotationId === own?.id) return null;
  const result = await db().annotation.findUnique({ where: { id: task.resultAnnotationId }, select: ANNOTATION_VIEW_SELECT });
  return result && presentAnnotationView(result);
}

/**
 * What a reviewer compares a resubmitted annotation with: the revision submitted before it (the one
 * sent back), as a view of its own whose id names the version (`<annotation>@v<version>`), so the
 * version picker tells the two apart. Null on a first submission, and with several subjects (those
 * are compared with each other).
 */
export async function loadEarlierRevision(subjects: readonly TAnnotationView[]): Promise<TAnnotationView | null> {
  const [subject] = subjects;
  if (!subject || subjects.length !== 1) return null;
  const revision = await db().annotationRevision.findFirst({
    where: { annotationId: subject.id, version: { lt: subject.version } },
    orderBy: { version: 'desc' },
  });
  if (!revision) return null;
  const regions = ZRegionsSchema.parse(revision.regions);
  return { ...subject, id: `${subject.id}@v${revision.version}`, version: revision.version, status: 'REJECTED', regions };
}

/**
 * What a reviewer or an expert judges. A REVIEW pass judges the submissions of the LABEL pass just
 * before it; the ADJUDICATE pass sees every submitted version of the task, side by side.
 */
export async function loadJudgedAnnotations(taskId: string, pass: { kind: Pass; position: number }): Promise<TAnnotationView[]> {
  const rows = await db().annotation.findMany({
    where: { status: { not: 'DRAFT' }, assignment: { taskId, pass: 'LABEL', workflowPass: { position: { lt: pass.position } } } },
    select: ANNOTATION_VIEW_SELECT,
    orderBy: { createdAt: 'asc' },
  });
  if (pass.kind === 'ADJUDICATE') return rows.map(presentAnnotationView);
  const reviewedPosition = Math.max(...rows.map((r) => r.assignment.workflowPass.position));
  return rows.filter((r) => r.assignment.workflowPass.position === reviewedPosition).map(presentAnnotationView);
}
