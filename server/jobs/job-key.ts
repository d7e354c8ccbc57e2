import { createHash } from 'node:crypto';

const PLAIN_PART = /^[A-Za-z0-9_.]{1,64}$/;

/**
 * A deterministic BullMQ job id from the parts that identify one piece of work, so enqueueing the
 * same work twice finds the existing job. BullMQ refuses ':' (its key separator) and all-digit ids;
 * parts that are not plain (or could make two different part lists join to the same id) are hashed.
 */
export function jobKey(queue: string, ...parts: string[]): string {
  if (parts.every((part) => PLAIN_PART.test(part))) return [queue, ...parts].join('-');
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
  return `${queue}-h${digest}`;
}
