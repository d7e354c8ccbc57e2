import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { recordJobFailure, type JobFailureInput } from './record-job-failure';

function failure(overrides: Partial<JobFailureInput> = {}): JobFailureInput {
  return {
    queue: 'ingest',
    jobId: 'ingest-asset1',
    jobName: 'probe',
    payload: { v: 1, projectId: 'proj1', assetId: 'asset1' },
    reason: 'ffprobe exited with 1',
    stack: 'Error: ffprobe exited with 1\n    at probe',
    attemptsMade: 5,
    failedAt: new Date('2026-11-25T10:00:00.000Z'),
    ...overrides,
  };
}

describe('recordJobFailure', () => {
  it('writes one row for one final failure, however often it is reported', async () => {
    const input = failure();
    const results = await Promise.all([recordJobFailure(input), recordJobFailure(input), recordJobFailure(input)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db().jobFailure.findMany({ where: { jobId: input.jobId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ queue: 'ingest', projectId: 'proj1', attemptsMade: 5, reason: 'ffprobe exited with 1' });
  });

  it('records a later failure of the same job id as its own row', async () => {
    await recordJobFailure(failure({ jobId: 'ingest-asset2' }));
    await recordJobFailure(failure({ jobId: 'ingest-asset2', failedAt: new Date('2026-11-25T11:00:00.000Z') }));
    expect(await db().jobFailure.count({ where: { jobId: 'ingest-asset2' } })).toBe(2);
  });

  it('leaves projectId empty when the payload has no usable one', async () => {
    const { id } = await recordJobFailure(failure({ jobId: 'raw-1', payload: { projectId: 42 } }));
    expect((await db().jobFailure.findUniqueOrThrow({ where: { id } })).projectId).toBeNull();
  });
});
