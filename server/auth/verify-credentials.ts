import { z } from 'zod';
import { db } from '../db';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './login-rate-limit';

const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

// Verified against when the email is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword('loupe-no-such-user');
  return dummyHash;
}

/** Checks an email/password pair. Null for a wrong pair; RATE_LIMITED AppError after too many misses. */
export async function verifyCredentials(input: unknown, ip: string): Promise<Actor | null> {
  const parsed = ZCredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const retryAfter = await loginRetryAfter(email, ip);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, {
      retryAfter,
    });
  }
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), password);
  if (!user || !ok || user.disabledAt) {
    await recordLoginFailure(email, ip);
    return null;
  }
  await clearLoginFailures(email);
  return { id: user.id, email: user.email, name: user.name, isSiteAdmin: user.isSiteAdmin };
}
