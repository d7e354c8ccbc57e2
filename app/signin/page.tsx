import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/app/_lib/session';
import { AuthCard } from '@/components/auth/auth-card';
import { safeCallbackUrl } from '@/components/auth/safe-callback';
import { SignInForm } from '@/components/auth/signin-form';
import { authOptions } from '@/server/auth/auth-options';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  // Same list next-auth's getProviders() would fetch, read here so the SSO button renders without a round trip.
  const sso = authOptions()
    .providers.filter((p) => p.type === 'oauth')
    .map((p) => ({ id: p.id, name: p.name }));
  const error = typeof query.error === 'string' ? query.error : null;
  return (
    <AuthCard title="Sign in to Loupe" subtitle="Use the email and password of your account.">
      <SignInForm callbackUrl={callbackUrl} initialError={error} sso={sso} />
    </AuthCard>
  );
}
