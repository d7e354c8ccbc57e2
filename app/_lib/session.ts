import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { actorContext } from '@/server/auth/authenticate-request';
import { authOptions } from '@/server/auth/auth-options';
import type { Ctx } from '@/server/context';

/** The signed-in user as the pages see it, or null. */
export const getSessionUser = cache(async () => {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
});

/**
 * The acting user re-read from the database (a disabled user or a demoted admin loses access at once,
 * unlike the JWT's copy); cached per request. Signed-out visitors go to the sign-in page. Pages use this for what they
 * show; the data itself is still authorized by the API.
 */
export const requirePageCtx = cache(async (): Promise<Ctx> => {
  const user = await getSessionUser();
  const ctx = user ? await actorContext(user.id, 'session') : null;
  if (!ctx) redirect('/signin');
  return ctx;
});
