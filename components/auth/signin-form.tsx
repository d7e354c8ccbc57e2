'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { Notice } from '../ui/states';
import { signInErrorMessage } from './signin-messages';

interface SignInFormProps {
  callbackUrl: string;
  initialError: string | null;
  sso: { id: string; name: string }[];
}

export function SignInForm({ callbackUrl, initialError, sso }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error ?? ''));
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Email">
          <Input name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password">
          <Input name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" variant="primary" className="w-full" pending={pending}>
          Sign in
        </Button>
      </form>
      {sso.length > 0 && (
        <>
          <div className="flex items-center gap-3 text-xs text-zinc-400">
            <span className="h-px flex-1 bg-zinc-200" />
            or
            <span className="h-px flex-1 bg-zinc-200" />
          </div>
          {sso.map((provider) => (
            <Button key={provider.id} className="w-full" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Sign in with {provider.name}
            </Button>
          ))}
        </>
      )}
    </div>
  );
}
