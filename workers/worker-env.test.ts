import { describe, expect, it } from 'vitest';
import { parseWorkerEnv } from './worker-env';

describe('parseWorkerEnv', () => {
  it('runs every queue that has a processor by default, with a 30 s shutdown budget', () => {
    expect(parseWorkerEnv({})).toEqual({
      queues: ['health', 'fetch', 'ingest', 'preprocess', 'export', 'quality', 'migrate'],
      concurrency: undefined,
      shutdownTimeoutMs: 30_000,
    });
  });

  it('reads a queue subset and a concurrency, ignoring empty values', () => {
    const parsed = parseWorkerEnv({ WORKER_QUEUES: ' health ', WORKER_CONCURRENCY: '8', WORKER_SHUTDOWN_TIMEOUT_MS: '' });
    expect(parsed).toEqual({ queues: ['health'], concurrency: 8, shutdownTimeoutMs: 30_000 });
  });

  it('refuses a queue nothing here can process', () => {
    expect(() => parseWorkerEnv({ WORKER_QUEUES: 'health,embed' })).toThrow(/without a processor: embed/);
  });

  it('refuses a concurrency of zero', () => {
    expect(() => parseWorkerEnv({ WORKER_CONCURRENCY: '0' })).toThrow();
  });
});
