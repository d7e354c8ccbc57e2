import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeQueues, enqueue, getQueue } from './enqueue';

afterAll(closeQueues);

describe('enqueue', () => {
  it('adds the same logical work once: a second enqueue returns the existing job', async () => {
    const payload = { v: 1 as const, projectId: 'p1', assetId: 'asset1', kind: 'THUMBNAIL' as const };
    const first = await enqueue('preprocess', payload);
    const second = await enqueue('preprocess', payload);
    expect(first).toBe('preprocess-asset1-THUMBNAIL');
    expect(second).toBe(first);
    expect(await getQueue('preprocess').getJobCountByTypes('waiting', 'prioritized')).toBe(1);
    expect(await enqueue('preprocess', { ...payload, kind: 'PEAKS' })).not.toBe(first);
  });

  it('applies the queue defaults: attempts, exponential backoff, retention', async () => {
    const id = await enqueue('ingest', { v: 1, projectId: 'p1', assetId: 'asset9' });
    const job = await getQueue('ingest').getJob(id);
    expect(job?.name).toBe('probe');
    expect(job?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
    expect(job?.opts.removeOnFail).toEqual({ age: 7 * 24 * 3600, count: 5000 });
  });

  it('refuses a payload that does not match the schema, adding nothing', async () => {
    const bad = { v: 2, nonce: '' } as unknown as { v: 1; nonce: string };
    await expect(enqueue('health', bad)).rejects.toBeInstanceOf(z.ZodError);
    expect(await getQueue('health').count()).toBe(0);
  });

  it('makes a distinct job for the same work when given a suffix', async () => {
    const payload = { v: 1 as const, projectId: 'p1', exportId: 'export1' };
    const original = await enqueue('export', payload);
    const again = await enqueue('export', payload, { jobIdSuffix: 'retry-abc' });
    expect(again).toBe(`${original}-retry-abc`);
    expect((await getQueue('export').getJob(again))?.data).toEqual(payload);
    await expect(enqueue('export', payload, { jobIdSuffix: 'a:b' })).rejects.toThrow(/suffix/);
  });
});
