import { enqueue, getQueue } from '../jobs/enqueue';
import { pool } from '../db';
import { reportSourceKey } from './first-submissions';
import { loadQualitySettings } from './quality-settings';

const WORKING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Queues the report of the project's annotations and settings as they are now. The job id is that
 * state's fingerprint (`sourceKey` when the caller has it), so however many callers ask for one state it is computed once; `force` makes
 * a new job for an unchanged state (the Recompute button). Answers whether a worker has it to do.
 */
export async function queueQualityReport(projectId: string, options: { force?: boolean; sourceKey?: string } = {}) {
  const sourceKey =
    options.sourceKey ?? (await reportSourceKey(pool(), projectId, await loadQualitySettings(pool(), projectId))).sourceKey;
  const jobId = await enqueue(
    'quality',
    { v: 1, projectId, sourceKey },
    options.force ? { jobIdSuffix: `manual-${Date.now()}` } : {},
  );
  const state = await (await getQueue('quality').getJob(jobId))?.getState();
  return { computing: state !== undefined && WORKING.has(state) };
}
