import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env, oidcEnabled } from '../env';
import { AppError } from '../errors';
import { upsertOidcUser } from './upsert-oidc-user';
import { verifyCredentials } from './verify-credentials';

// JWT sessions (no session table): `sub` is the user id; authenticate-request.ts re-reads the user
// on every API call, so disabling a user takes effect at once.
export function authOptions(): AuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          try {
            return await verifyCredentials(credentials, clientIp(req.headers));
          } catch (error) {
            // next-auth passes this message to the sign-in page as `error`.
            if (error instanceof AppError && error.code === 'RATE_LIMITED') throw new Error(`RATE_LIMITED: ${error.message}`);
            throw error;
          }
        },
      }),
      ...(oidcEnabled(e)
        ? [
            {
              id: 'oidc',
              name: e.OIDC_NAME,
              type: 'oauth' as const,
              wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              authorization: { params: { scope: 'openid email profile' } },
              idToken: true,
              checks: ['pkce' as const, 'state' as const],
              profile: (p: { sub: string; email: string; name?: string }) => ({
                id: p.sub,
                email: p.email,
                name: p.name ?? p.email,
              }),
            },
          ]
        : []),
    ],
    callbacks: {
      async jwt({ token, user, account }) {
        if (user && account?.provider === 'oidc') {
          const local = await upsertOidcUser({ email: user.email ?? '', name: user.name ?? '' });
          return { ...token, sub: local.id, isSiteAdmin: local.isSiteAdmin };
        }
        if (user) return { ...token, sub: user.id, isSiteAdmin: (user as { isSiteAdmin?: boolean }).isSiteAdmin ?? false };
        return token;
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub ?? '', isSiteAdmin: Boolean(token.isSiteAdmin) },
        };
      },
    },
  };
}

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = String(headers?.['x-forwarded-for'] ?? '')
    .split(',')[0]
    ?.trim();
  return forwarded || String(headers?.['x-real-ip'] ?? 'unknown');
}
