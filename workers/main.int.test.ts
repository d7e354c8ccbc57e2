import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeQueues, enqueue } from '@/server/jobs/enqueue';
import { jobState, waitFor, waitForJobState } from './test-support';
import { startWorkerProcess, stopWorkerProcesses } from './worker-process-support';

// The real entry point, as a separate process, stopped the way a supervisor would.

afterEach(stopWorkerProcesses);
afterAll(closeQueues);

describe('workers/main.ts', () => {
  it('on SIGTERM finishes the running job, then exits 0', async () => {
    const { proc, output, exited } = startWorkerProcess();
    await waitFor(async () => output.text.includes('event=ready'), 'the worker process to start', 20_000);
    expect(output.text).toMatch(/queues=health/);
    const jobId = await enqueue('health', { v: 1, nonce: 'sigterm1', holdMs: 1_000 });
    await waitForJobState('health', jobId, 'active');
    proc.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(await jobState('health', jobId)).toBe('completed');
    expect(output.text).toMatch(new RegExp(`event=completed queue=health job=${jobId} .*runMs=\\d+`));
    expect(output.text).toMatch(/event=stopped timedOut=false/);
  });

  it('past its shutdown budget leaves the job for another worker and still exits 0', async () => {
    const { proc, output, exited } = startWorkerProcess({ WORKER_SHUTDOWN_TIMEOUT_MS: '300' });
    await waitFor(async () => output.text.includes('event=ready'), 'the worker process to start', 20_000);
    const jobId = await enqueue('health', { v: 1, nonce: 'sigterm2', holdMs: 20_000 });
    await waitForJobState('health', jobId, 'active');
    const stoppedAt = Date.now();
    proc.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(output.text).toMatch(new RegExp(`event=shutdown-timeout timeoutMs=300 abandoned=${jobId}`));
    expect(await jobState('health', jobId)).toBe('active');
  });

  it('refuses to start on a queue it has no processor for', async () => {
    const { output, exited } = startWorkerProcess({ WORKER_QUEUES: 'embed' });
    const [code] = await exited;
    expect(code).not.toBe(0);
    expect(output.text).toMatch(/without a processor: embed/);
  });
});
