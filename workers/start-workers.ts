import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import type { TQueueName } from '@/lib/schemas/ops';
import { env } from '@/server/env';
import { recordJobFailure } from '@/server/jobs/record-job-failure';
import { createRedis } from '@/server/redis';
import { observeWorker } from './observe-worker';
import { PROCESSORS, processedQueues } from './processor-registry';

export interface StartWorkersOptions {
  /** Queues to consume; every queue that has a processor by default. */
  queues?: TQueueName[];
  /** Jobs run at once per queue; each processor's own default otherwise. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface WorkerPool {
  readonly workers: ReadonlyMap<TQueueName, Worker>;
  /**
   * Stops taking jobs and waits up to timeoutMs for running ones. Jobs still running after that are
   * abandoned: their locks lapse and BullMQ's stalled check hands them to another worker (which is
   * why processors must be safe to run twice). The caller should exit after a timeout.
   */
  close(options?: { timeoutMs?: number }): Promise<{ timedOut: boolean }>;
}

export function startWorkers(options: StartWorkersOptions = {}): WorkerPool {
  const log = options.log ?? ((line: string) => console.log(line));
  const names = options.queues ?? processedQueues();
  const specs = names.map((name) => {
    const spec = PROCESSORS[name];
    if (!spec) throw new Error(`No processor for queue "${name}"`);
    return { name, spec };
  });

  const connection = createRedis();
  const failureWrites = new Set<Promise<void>>();
  const running: Set<string>[] = [];
  const workers = new Map<TQueueName, Worker>();
  for (const { name, spec } of specs) {
    const worker = new Worker(name, (job) => spec.process(job), {
      connection,
      prefix: env().QUEUE_PREFIX,
      concurrency: options.concurrency ?? spec.concurrency,
      name: `${hostname()}-${process.pid}`,
    });
    running.push(
      observeWorker(worker, {
        log,
        onFinalFailure(job, error) {
          const write = Promise.all([
            recordJobFailure({
              queue: name,
              jobId: job.id ?? '',
              jobName: job.name,
              payload: job.data,
              reason: error.message,
              stack: error.stack ?? null,
              attemptsMade: job.attemptsMade,
              failedAt: new Date(job.finishedOn ?? Date.now()),
            }),
            spec.onFinalFailure?.(job, error),
          ]).then(
            () => undefined,
            (writeError: unknown) =>
              log(`worker event=dead-letter-lost queue=${name} job=${job.id} error=${JSON.stringify(String(writeError))}`),
          );
          failureWrites.add(write);
          void write.finally(() => failureWrites.delete(write));
        },
      }),
    );
    workers.set(name, worker);
  }
  const sweeps = specs.flatMap(({ name, spec }) =>
    spec.sweep
      ? [
          setInterval(() => {
            spec
              .sweep!.run()
              .catch((error: unknown) => log(`worker event=sweep-failed queue=${name} error=${JSON.stringify(String(error))}`));
          }, spec.sweep.everyMs).unref(),
        ]
      : [],
  );

  let closing: Promise<{ timedOut: boolean }> | undefined;
  async function close({ timeoutMs = 30_000 } = {}): Promise<{ timedOut: boolean }> {
    for (const sweep of sweeps) clearInterval(sweep);
    const allClosed = Promise.allSettled([...workers.values()].map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      allClosed.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      const left = running.flatMap((ids) => [...ids]);
      log(`worker event=shutdown-timeout timeoutMs=${timeoutMs} abandoned=${left.join(',') || '-'}`);
    }
    await Promise.allSettled([...failureWrites]);
    // worker.close() leaves a connection it was handed open: ours to end.
    if (timedOut) connection.disconnect();
    else await connection.quit();
    return { timedOut };
  }

  return {
    workers,
    close: (closeOptions) => (closing ??= close(closeOptions)),
  };
}
