import { Redis } from 'ioredis';

/** Deletes every key under `prefix:` (BullMQ queues of one QUEUE_PREFIX). */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  let deleted = 0;
  try {
    for await (const batch of client.scanStream({ match: `${prefix}:*`, count: 500 })) {
      const keys = batch as string[];
      if (keys.length > 0) deleted += await client.del(...keys);
    }
  } finally {
    await client.quit();
  }
  return deleted;
}
