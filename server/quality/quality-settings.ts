import { ZQualitySettingsSchema, type TQualitySettings, type TQualitySettingsInput } from '@/lib/schemas/quality';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { one, rows, sql, type SqlClient } from '../sql';

/** The project's settings with defaults for what was never set (the column starts as `{}`). */
export async function loadQualitySettings(client: SqlClient, projectId: string): Promise<TQualitySettings> {
  const row = await one<{ qualitySettings: unknown }>(
    sql`SELECT "qualitySettings" FROM "Project" WHERE id = ${projectId}`,
    client,
  );
  const parsed = ZQualitySettingsSchema.safeParse(row?.qualitySettings ?? {});
  // Settings saved by an older version that no longer parse fall back to the defaults rather than break the page.
  return parsed.success ? parsed.data : ZQualitySettingsSchema.parse({});
}

export async function getQualitySettings(ctx: Ctx, input: { projectId: string }): Promise<TQualitySettings> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  return loadQualitySettings(db(), access.projectId);
}

export async function saveQualitySettings(
  ctx: Ctx,
  input: { projectId: string; settings: TQualitySettingsInput },
): Promise<TQualitySettings> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'workflow:manage');
  const settings = ZQualitySettingsSchema.parse(input.settings);
  const memberIds = [...new Set(settings.cohorts.flatMap((c) => c.memberIds))];
  const members = await rows<{ userId: string }>(
    sql`SELECT "userId" FROM "Membership" WHERE "projectId" = ${access.projectId} AND "userId" = ANY(${memberIds}::text[])`,
  );
  const known = new Set(members.map((m) => m.userId));
  const errors = settings.cohorts.flatMap((cohort, i) =>
    cohort.memberIds.flatMap((id, j) =>
      known.has(id) ? [] : [{ in: 'body', path: `cohorts.${i}.memberIds.${j}`, message: 'not a member of this project' }],
    ),
  );
  if (errors.length > 0) throw new AppError('VALIDATION', 'A cohort names someone who is not a member of this project', errors);
  const before = await loadQualitySettings(db(), access.projectId);
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: access.projectId }, data: { qualitySettings: settings } });
    await recordAudit(tx, ctx, {
      action: 'quality.settings.update',
      projectId: access.projectId,
      subjectType: 'Project',
      subjectId: access.projectId,
      before,
      after: settings,
    });
  });
  return settings;
}
