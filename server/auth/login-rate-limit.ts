import { env } from '../env';
import { redis } from '../redis';

// Fixed-window counters in Redis, per email and per client address, shared by every web replica.
// Only failures count, so a user who types the password right is never locked out by their own
// successful sign-ins.
function keys(email: string, ip: string): string[] {
  const prefix = `${env().QUEUE_PREFIX}:login-fail`;
  return [`${prefix}:email:${email.toLowerCase()}`, `${prefix}:ip:${ip}`];
}

/** Seconds until the caller may try again, or 0 when attempts remain. */
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const [emailKey, ipKey] = keys(email, ip) as [string, string];
  const [emailCount, ipCount] = await redis().mget(emailKey, ipKey);
  const max = env().LOGIN_MAX_ATTEMPTS;
  // An address may try several accounts (a shared office), so it gets a larger budget than one email.
  if (Number(emailCount ?? 0) < max && Number(ipCount ?? 0) < max * 5) return 0;
  const ttl = await redis().ttl(Number(emailCount ?? 0) >= max ? emailKey : ipKey);
  return Math.max(ttl, 1);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const window = env().LOGIN_WINDOW_SECONDS;
  const multi = redis().multi();
  for (const key of keys(email, ip)) multi.incr(key).expire(key, window, 'NX');
  await multi.exec();
}

export async function clearLoginFailures(email: string): Promise<void> {
  await redis().del(keys(email, '')[0]!);
}
