import { db } from '../db';
import { AppError } from '../errors';

/** Links an OIDC sign-in to the local account with that email, creating a password-less one if new. */
export async function upsertOidcUser(profile: { email: string; name: string }) {
  const email = profile.email.trim().toLowerCase();
  if (!email) throw new AppError('UNAUTHENTICATED', 'The identity provider did not share an email address');
  return db().user.upsert({
    where: { email },
    update: {},
    // The first account on a fresh install administers the site.
    create: { email, name: profile.name || email, isSiteAdmin: (await db().user.count()) === 0 },
    select: { id: true, isSiteAdmin: true },
  });
}
