import { hashTokenSecret } from '../auth/token-secret';
import type { Db, Tx } from '../db';
import { notFound } from '../errors';

/** The invitation behind a link, if it is neither used, withdrawn nor expired. */
export async function findOpenInvitation(client: Db | Tx, token: string) {
  const invitation = await client.invitation.findUnique({
    where: { tokenHash: hashTokenSecret(token) },
    include: { project: { select: { id: true, slug: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < new Date()) {
    throw notFound('Invitation (it may have expired, been used or withdrawn)');
  }
  return invitation;
}
