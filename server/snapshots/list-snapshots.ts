import type { TSnapshotView } from '@/lib/schemas/snapshot';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { rows, sql } from '../sql';
import { presentSnapshot, SELECT_SNAPSHOTS, type SnapshotRow } from './present-snapshot';

/** The project's snapshots, newest version first. */
export async function listSnapshots(
  ctx: Ctx,
  input: { projectId: string },
): Promise<{ snapshots: Omit<TSnapshotView, 'exports' | 'classes'>[] }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const found = await rows<SnapshotRow>(
    sql`${SELECT_SNAPSHOTS} WHERE s."projectId" = ${access.projectId} ORDER BY s.version DESC`,
  );
  return { snapshots: found.map(presentSnapshot) };
}
