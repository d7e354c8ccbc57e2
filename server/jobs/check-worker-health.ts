import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { db } from '../db';
import type { TQueuePayload } from './queues';

export const ZHealthJobResultSchema = z.object({
  ok: z.literal(true),
  at: z.string(),
  workerPid: z.number().int(),
});
export type THealthJobResult = z.infer<typeof ZHealthJobResultSchema>;

/**
 * The health job's work: a worker picked it up from Redis and can reach the database. It writes
 * nothing, so running it twice is harmless.
 */
export async function checkWorkerHealth(payload: TQueuePayload<'health'>): Promise<THealthJobResult> {
  await db().$queryRaw`SELECT 1`;
  if (payload.holdMs) await sleep(payload.holdMs);
  if (payload.fail) throw new Error(`Health check ${payload.nonce} was asked to fail`);
  return { ok: true, at: new Date().toISOString(), workerPid: process.pid };
}
