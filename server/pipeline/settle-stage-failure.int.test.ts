import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { MediaRejection } from '../media/media-rejection';
import { importTarget, smallPng } from './pipeline-test-support';
import { settleStageFailure } from './settle-stage-failure';
import type { StageJob } from './stage-job';

// No workers run in this file: the uploads stay RAW, and each failure is judged directly.
afterAll(closeQueues);

async function rawAsset(seed: number) {
  const target = await importTarget();
  const { assetId } = await target.upload('x.png', await smallPng(seed));
  const job = (attempt: number, finalAttempt: boolean): StageJob => ({
    projectId: target.project.id,
    assetId,
    jobId: `ingest-${assetId}`,
    attempt,
    finalAttempt,
  });
  const asset = () =>
    db().asset.findUniqueOrThrow({ where: { id: assetId }, include: { stageRuns: { orderBy: { startedAt: 'asc' } } } });
  return { job, asset };
}

const run = { stage: 'ingest' as const, startedAt: new Date(), tools: { ffprobe: '5.1' } };

describe('settleStageFailure', () => {
  it('retries a timeout while attempts remain, and quarantines it on the last one', async () => {
    const { job, asset } = await rawAsset(1);
    const timeout = new MediaRejection('timeout', 'ffprobe took longer than 60 s');
    await expect(settleStageFailure(job(1, false), run, timeout)).rejects.toThrow(
      /timeout: ffprobe took longer than 60 s \(attempt 1, will retry\)/,
    );
    expect((await asset()).stage).toBe('RAW');
    await expect(settleStageFailure(job(5, true), run, timeout)).resolves.toEqual({ quarantined: timeout.reason });
    const after = await asset();
    expect(after).toMatchObject({ stage: 'QUARANTINED', failureReason: 'timeout: ffprobe took longer than 60 s' });
    expect(after.stageRuns.map((r) => [r.outcome, r.attempt, r.tools])).toEqual([
      ['ERROR', 1, { ffprobe: '5.1' }],
      ['QUARANTINED', 5, { ffprobe: '5.1' }],
    ]);
  });

  it('quarantines bad input on the first attempt', async () => {
    const { job, asset } = await rawAsset(2);
    await settleStageFailure(job(1, false), run, new MediaRejection('unsupported_codec', 'prores is not decodable here'));
    expect(await asset()).toMatchObject({
      stage: 'QUARANTINED',
      failureReason: 'unsupported_codec: prores is not decodable here',
    });
  });

  it('rethrows our own failures unchanged, after recording an ERROR run', async () => {
    const { job, asset } = await rawAsset(3);
    const failure = new Error('connection reset');
    await expect(settleStageFailure(job(2, true), run, failure)).rejects.toBe(failure);
    const after = await asset();
    expect(after.stage).toBe('RAW');
    expect(after.stageRuns.map((r) => [r.outcome, r.error])).toEqual([['ERROR', 'connection reset']]);
  });
});
