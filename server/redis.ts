import { Redis } from 'ioredis';
import { env } from './env';

// BullMQ workers need maxRetriesPerRequest: null (blocking commands); one shared client serves the rest.
export function createRedis(url: string = env().REDIS_URL): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

const holder = globalThis as unknown as { loupeRedis?: Redis };

export function redis(): Redis {
  holder.loupeRedis ??= createRedis();
  return holder.loupeRedis;
}
