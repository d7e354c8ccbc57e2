import { overviewLevel } from '@/lib/annotate/audio/peak-level';
import { peakLevels, type PeaksDerivative } from '../assets/peak-levels';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject, can } from '../permissions';
import { rows, sql } from '../sql';

/**
 * The URL of the coarsest waveform level of an assignment's recording, or null (not audio, no peaks
 * yet, not the caller's to see). The work page preloads it, so the overview downloads while the
 * scripts load instead of after the item's JSON: one indexed statement, not the whole view. It sees
 * what `getAssignment` lets the caller see: the holder's item, or any item for OWNER and DATA_LEAD.
 */
export async function findWaveformOverview(ctx: Ctx, input: { projectId: string; assignmentId: string }): Promise<string | null> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  const anyHolder = can(access.role, 'workflow:manage');
  const found = await rows<PeaksDerivative & { assetId: string }>(sql`
    SELECT d."assetId", d.variant, d."blobSha256", d.params
    FROM "Assignment" a
    JOIN "Task" t ON t.id = a."taskId"
    JOIN "Asset" s ON s.id = t."assetId" AND s.kind = 'AUDIO'
    JOIN "AssetDerivative" d ON d."assetId" = s.id AND d.kind = 'PEAKS'
    WHERE a.id = ${input.assignmentId} AND t."projectId" = ${access.projectId}
      AND (${anyHolder} OR a."userId" = ${ctx.actor.id})`);
  if (found.length === 0) return null;
  return overviewLevel(peakLevels(access.projectId, found[0]!.assetId, found))?.url ?? null;
}
