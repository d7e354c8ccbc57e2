'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { acceptInvitation, getInvitation } from '@/lib/api/operations/members';
import { AuthCard } from '../auth/auth-card';
import { ROLE_LABELS } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { ErrorState, LoadingState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';

export function AcceptInviteForm({ token }: { token: string }) {
  const router = useRouter();
  const invitation = useApiQuery(getInvitation, { params: { token } });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async () => {
      const accepted = await callApi(acceptInvitation, { params: { token }, body: { name, password } });
      const signedIn = await signIn('credentials', { email: accepted.email, password, redirect: false });
      return { ...accepted, signedIn: Boolean(signedIn?.ok && !signedIn.error) };
    },
    onSuccess: ({ projectSlug, signedIn }) => {
      const target = `/projects/${encodeURIComponent(projectSlug)}`;
      router.replace(signedIn ? target : `/signin?callbackUrl=${encodeURIComponent(target)}`);
      router.refresh();
    },
  });
  const fieldErrors = errorsByPath(accept.error);

  if (invitation.isPending) {
    return (
      <AuthCard title="Invitation">
        <LoadingState label="Checking your invitation…" />
      </AuthCard>
    );
  }
  if (invitation.isError) {
    // 400: a token of the wrong shape; 404: unknown, used, withdrawn or expired.
    const gone = invitation.error.status === 404 || invitation.error.status === 400;
    return (
      <AuthCard title={gone ? 'This invitation is not valid' : 'Invitation'}>
        {gone ? (
          <p className="text-sm text-zinc-600">
            The link may have expired, been withdrawn or already used. Ask the project owner for a new invitation.
          </p>
        ) : (
          <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
        )}
      </AuthCard>
    );
  }

  const inv = invitation.data;
  const subtitle = (
    <>
      You are invited to <strong className="text-zinc-800">{inv.projectName}</strong> as{' '}
      <strong className="text-zinc-800">{ROLE_LABELS[inv.role]}</strong>.
    </>
  );
  if (inv.accountExists) {
    return (
      <AuthCard title="Join the project" subtitle={subtitle}>
        <Notice>
          An account for {inv.email} already exists.{' '}
          <Link href="/signin" className="font-medium text-accent-700 underline">
            Sign in
          </Link>{' '}
          and ask the owner to add you.
        </Notice>
      </AuthCard>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }

  return (
    <AuthCard title="Join the project" subtitle={subtitle}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Email">
          <Input value={inv.email} readOnly disabled />
        </Field>
        <Field label="Your name" error={fieldErrors.name}>
          <Input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            autoFocus
            autoComplete="name"
          />
        </Field>
        <Field label="Password" error={fieldErrors.password} hint="At least 10 characters.">
          <Input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={10}
            autoComplete="new-password"
          />
        </Field>
        {accept.isError && Object.keys(fieldErrors).length === 0 && <Notice tone="error">{accept.error.message}</Notice>}
        <Button type="submit" variant="primary" className="w-full" pending={accept.isPending}>
          Accept and create account
        </Button>
      </form>
    </AuthCard>
  );
}
