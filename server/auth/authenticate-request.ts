import { decode } from 'next-auth/jwt';
import type { Ctx } from '../context';
import { db } from '../db';
import { env } from '../env';
import { hashTokenSecret, TOKEN_PREFIX } from './token-secret';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Who sent this request: an API token (Authorization: Bearer) or a browser session cookie. */
export async function authenticateRequest(req: Request): Promise<Ctx | null> {
  const authorization = req.headers.get('authorization');
  if (authorization) return authenticateBearer(authorization);
  const userId = await sessionUserId(req);
  return userId ? actorContext(userId, 'session') : null;
}

async function authenticateBearer(header: string): Promise<Ctx | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(match[1]) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: ACTOR_FIELDS } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) return null;
  // Touch lastUsedAt at most once a minute: a busy script should not write on every call.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return activeActor(token.user, 'token');
}

async function sessionUserId(req: Request): Promise<string | null> {
  const cookies = parseCookies(req.headers.get('cookie') ?? '');
  const raw = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!raw) return null;
  const payload = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  return typeof payload?.sub === 'string' ? payload.sub : null;
}

const ACTOR_FIELDS = { id: true, email: true, name: true, isSiteAdmin: true, disabledAt: true } as const;

export async function actorContext(userId: string, via: Ctx['via']): Promise<Ctx | null> {
  return activeActor(await db().user.findUnique({ where: { id: userId }, select: ACTOR_FIELDS }), via);
}

function activeActor(
  user: { id: string; email: string; name: string; isSiteAdmin: boolean; disabledAt: Date | null } | null,
  via: Ctx['via'],
): Ctx | null {
  if (!user || user.disabledAt) return null;
  const { disabledAt: _disabled, ...actor } = user;
  return { actor, via };
}

function parseCookies(header: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) map.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return map;
}
