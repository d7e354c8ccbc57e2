import { overviewLevel } from '@/lib/annotate/audio/peak-level';
import type { TAssetKind } from '@/lib/schemas/asset';
import { peakLevels, type PeaksDerivative } from '../assets/peak-levels';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject, can } from '../permissions';
import { rows, sql } from '../sql';

export interface TaskMedia {
  kind: TAssetKind;
  /** The URL of the coarsest waveform level of a recording with peaks, else null. */
  waveformOverview: string | null;
}

/**
 * What the work page must know of an item before its scripts run, or null (not the caller's to see):
 * the medium, so it sends only that editor's code, and a recording's coarsest waveform level, so the
 * overview downloads while the scripts load instead of after the item's JSON. One indexed statement,
 * not the whole view; it sees what `getAssignment` lets the caller see: the holder's item, or any
 * item for OWNER and DATA_LEAD.
 */
export async function findTaskMedia(ctx: Ctx, input: { projectId: string; assignmentId: string }): Promise<TaskMedia | null> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  const anyHolder = can(access.role, 'workflow:manage');
  const found = await rows<{ assetId: string; assetKind: TAssetKind } & Partial<PeaksDerivative>>(sql`
    SELECT s.id AS "assetId", s.kind::text AS "assetKind", d.variant, d."blobSha256", d.params
    FROM "Assignment" a
    JOIN "Task" t ON t.id = a."taskId"
    JOIN "Asset" s ON s.id = t."assetId"
    LEFT JOIN "AssetDerivative" d ON d."assetId" = s.id AND d.kind = 'PEAKS' AND s.kind = 'AUDIO'
    WHERE a.id = ${input.assignmentId} AND t."projectId" = ${access.projectId}
      AND (${anyHolder} OR a."userId" = ${ctx.actor.id})`);
  const first = found[0];
  if (!first) return null;
  // Rows without a derivative (not a recording, no peaks yet) only say the medium.
  const peaks = found.filter((row): row is typeof row & PeaksDerivative => row.variant != null);
  const overview = overviewLevel(peakLevels(access.projectId, first.assetId, peaks));
  return { kind: first.assetKind, waveformOverview: overview?.url ?? null };
}
