import { ZPendingDecisionSchema, type TResolveDecision } from '@/lib/schemas/taxonomy-migration';
import type { TRegion } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { authorizeProject } from '../permissions';

/**
 * A lead's answer to a re-review item: every pending region gets its class (one of the split's
 * choices) or its missing attribute values, in one write that bumps the annotation's version (an
 * editor holding the old one gets 409). Answers that leave a region pending, or pick a class the
 * split did not offer, are refused (422) and nothing changes.
 */
export async function resolveMigrationDecision(
  ctx: Ctx,
  input: { projectId: string; decisionId: string } & TResolveDecision,
): Promise<{ annotationId: string; version: number }> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'taxonomy:write');
    const decision = await tx.annotationMigration.findFirst({
      where: { id: input.decisionId, migration: { projectId: access.projectId } },
      select: { id: true, pending: true, needsDecision: true, migrationId: true, annotationId: true },
    });
    if (!decision) throw notFound('Decision');
    if (!decision.pending) throw new AppError('CONFLICT', 'This item was already decided');
    await tx.$queryRaw`SELECT 1 FROM "Annotation" WHERE id = ${decision.annotationId} FOR UPDATE`;
    const annotation = await tx.annotation.findUniqueOrThrow({ where: { id: decision.annotationId }, select: { regions: true } });
    const pending = ZPendingDecisionSchema.array().parse(decision.needsDecision);
    const regions = decide(annotation.regions as TRegion[], pending, input.regions);
    const saved = await tx.annotation.update({
      where: { id: decision.annotationId },
      data: { regions: regions as Prisma.InputJsonValue, version: { increment: 1 } },
      select: { version: true },
    });
    await tx.annotationMigration.update({
      where: { id: decision.id },
      data: { pending: false, resolvedAt: new Date(), resolvedById: ctx.actor.id },
    });
    await tx.taxonomyMigration.update({ where: { id: decision.migrationId }, data: { decisions: { decrement: 1 } } });
    await recordAudit(tx, ctx, {
      action: 'taxonomy.migration.decide',
      projectId: access.projectId,
      subjectType: 'Annotation',
      subjectId: decision.annotationId,
      after: { decisionId: decision.id, regions: input.regions },
    });
    return { annotationId: decision.annotationId, version: saved.version };
  });
}

function decide(
  regions: TRegion[],
  pending: ReturnType<typeof ZPendingDecisionSchema.parse>[],
  answers: TResolveDecision['regions'],
): TRegion[] {
  const answerOf = new Map(answers.map((a) => [a.regionId, a]));
  const problems: string[] = [];
  const next = regions.map((region) => {
    let updated = region;
    for (const p of pending.filter((d) => d.regionId === region.id)) {
      const answer = answerOf.get(region.id);
      if (p.reason === 'split') {
        if (!answer?.classId || !p.choices.includes(answer.classId))
          problems.push(`region ${region.id}: choose one of ${p.choices.join(', ')}`);
        else updated = { ...updated, classId: answer.classId };
      } else {
        const attributeId = p.field.slice('attributes.'.length);
        const value = answer?.attributes?.[attributeId];
        if (value === undefined) problems.push(`region ${region.id}: set ${attributeId}`);
        else updated = { ...updated, attributes: { ...updated.attributes, [attributeId]: value } };
      }
    }
    return updated;
  });
  if (problems.length > 0)
    throw new AppError(
      'UNPROCESSABLE',
      `Not decided yet: ${problems[0]}`,
      problems.map((message) => ({ message })),
    );
  return next;
}
