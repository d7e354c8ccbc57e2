'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { inviteMember } from '@/lib/api/operations/members';
import { ROLES, type TRole } from '@/lib/schemas/project';
import { ROLE_LABELS } from '../ui/badge';
import { Button } from '../ui/button';
import { CopyField } from '../ui/copy-button';
import { Field, Input, Select } from '../ui/field';
import { Card } from '../ui/page-header';
import { Notice } from '../ui/states';

export function InviteForm({ slug, onDone }: { slug: string; onDone: () => Promise<unknown> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('ANNOTATOR');
  const invite = useMutation({
    mutationFn: () => callApi(inviteMember, { params: { projectId: slug }, body: { email, role } }),
    onSuccess: async () => {
      setEmail('');
      await onDone();
    },
  });
  const fieldErrors = errorsByPath(invite.error);
  const result = invite.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate();
  }

  return (
    <Card className="p-4">
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Invite">
        <Field label="Email" error={fieldErrors.email} className="min-w-64 flex-1">
          <Input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required placeholder="name@example.com" />
        </Field>
        <Field label="Role" error={fieldErrors.role} className="w-40">
          <Select value={role} onChange={(e) => setRole(e.target.value as TRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary" className="mt-5" pending={invite.isPending}>
          Invite
        </Button>
      </form>
      <div className="mt-3 empty:hidden">
        {invite.isError && Object.keys(fieldErrors).length === 0 && <Notice tone="error">{invite.error.message}</Notice>}
        {result?.status === 'added' && (
          <Notice tone="success">
            {result.member?.email ?? 'They'} already had an account and was added as {ROLE_LABELS[result.member?.role ?? role]}.
          </Notice>
        )}
        {result?.status === 'invited' && result.acceptUrl && (
          <AcceptLink url={result.acceptUrl} email={result.invitation?.email} />
        )}
      </div>
    </Card>
  );
}

function AcceptLink({ url, email }: { url: string; email?: string }) {
  const absolute = url.startsWith('/') ? `${window.location.origin}${url}` : url;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="accept-link">
      <p className="text-sm text-amber-900">
        Invitation created{email ? ` for ${email}` : ''}. Send them this link to accept. <strong>It is shown once</strong>: copy
        it now, it cannot be displayed again.
      </p>
      <CopyField value={absolute} label="Accept link" />
    </div>
  );
}
