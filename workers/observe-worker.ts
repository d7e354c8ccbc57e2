import type { Job, Worker } from 'bullmq';

export interface WorkerObserver {
  log(line: string): void;
  /** Called once when BullMQ gives up on a job: attempts exhausted or an UnrecoverableError. */
  onFinalFailure(job: Job, error: Error): void;
}

/**
 * One log line per job start and end with its timings (queuedMs: enqueue → start, runMs: this
 * attempt, totalMs: enqueue → finish), so each stage's latency can be read from the logs.
 * Returns the ids of jobs currently running, for the shutdown report.
 */
export function observeWorker(worker: Worker, observer: WorkerObserver): Set<string> {
  const active = new Set<string>();
  const line = (job: Job, event: string, fields: Record<string, string | number | boolean>) =>
    observer.log(
      [`worker event=${event} queue=${worker.name} job=${job.id} name=${job.name}`]
        .concat(Object.entries(fields).map(([key, value]) => `${key}=${value}`))
        .join(' '),
    );

  worker.on('active', (job) => {
    active.add(job.id ?? '');
    line(job, 'started', { attempt: job.attemptsMade + 1, queuedMs: (job.processedOn ?? Date.now()) - job.timestamp });
  });
  worker.on('completed', (job) => {
    active.delete(job.id ?? '');
    const finishedOn = job.finishedOn ?? Date.now();
    line(job, 'completed', { runMs: finishedOn - (job.processedOn ?? finishedOn), totalMs: finishedOn - job.timestamp });
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    active.delete(job.id ?? '');
    // BullMQ sets finishedOn only when it moves the job to failed for good; otherwise it will retry.
    const final = job.finishedOn !== undefined;
    const endedOn = job.finishedOn ?? Date.now();
    line(job, 'failed', {
      final,
      attempt: job.attemptsMade,
      runMs: endedOn - (job.processedOn ?? endedOn),
      reason: JSON.stringify(error.message),
    });
    if (final) observer.onFinalFailure(job, error);
  });
  worker.on('error', (error) => observer.log(`worker event=error queue=${worker.name} message=${JSON.stringify(error.message)}`));
  return active;
}
