import { createHash } from 'node:crypto';
import { enqueue, getQueue } from '../jobs/enqueue';

const WORKING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const MINUTE_MS = 60_000;

/**
 * Queues the report of the state whose fingerprint is `sourceKey`: the job id carries it, so however
 * many page loads ask for one state it is computed once; `force` makes a new job for an unchanged
 * state (the Recompute button). Answers whether a worker has it to do.
 */
export async function queueQualityReport(projectId: string, options: { sourceKey: string; force?: boolean }) {
  const jobId = await enqueue(
    'quality',
    { v: 1, projectId, sourceKey: options.sourceKey },
    options.force ? { jobIdSuffix: `manual-${Date.now()}` } : {},
  );
  const state = await (await getQueue('quality').getJob(jobId))?.getState();
  return { computing: state !== undefined && WORKING.has(state) };
}

/**
 * After a submit completed an overlap pass. The job reads the project as it is when it runs, so the
 * submits of one project within a minute share one job, and the submit pays no query for a fingerprint
 * (it scans every revision of the project). Later submits of that minute are picked up by the next
 * minute's job, or by the page, which queues the report whenever it finds it stale.
 */
export async function queueQualityReportAfterSubmit(projectId: string): Promise<void> {
  const minute = Math.floor(Date.now() / MINUTE_MS);
  const sourceKey = createHash('sha256').update(`submits/${minute}`).digest('hex').slice(0, 32);
  await enqueue('quality', { v: 1, projectId, sourceKey });
}
