'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { createApiToken } from '@/lib/api/operations/me';
import { Button } from '../ui/button';
import { CopyField } from '../ui/copy-button';
import { Field, Input } from '../ui/field';
import { Card } from '../ui/page-header';
import { Notice } from '../ui/states';

export function CreateTokenForm({ onCreated }: { onCreated: () => Promise<unknown> }) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const create = useMutation({
    mutationFn: () => callApi(createApiToken, { body: { name, expiresInDays: days.trim() === '' ? null : Number(days) } }),
    onSuccess: async () => {
      setName('');
      setDays('');
      await onCreated();
    },
  });
  const fieldErrors = errorsByPath(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Card className="p-4">
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Create token">
        <Field label="Name" error={fieldErrors.name} hint="What will use it, e.g. “nightly export”." className="min-w-64 flex-1">
          <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </Field>
        <Field label="Expires after (days)" error={fieldErrors.expiresInDays} hint="Empty: never expires." className="w-40">
          <Input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" className="mt-5" pending={create.isPending}>
          Create token
        </Button>
      </form>
      {create.isError && Object.keys(fieldErrors).length === 0 && (
        <div className="mt-3">
          <Notice tone="error">{create.error.message}</Notice>
        </div>
      )}
      {create.data && <NewSecret name={create.data.name} secret={create.data.secret} onDone={() => create.reset()} />}
    </Card>
  );
}

function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const curl = `curl -H "Authorization: Bearer ${secret}" ${window.location.origin}/api/v1/projects`;
  return (
    <div className="mt-4 space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="new-token">
      <p className="text-sm text-amber-900">
        Token <strong>{name}</strong> created. <strong>This is the only time its secret is shown</strong>: copy it now and store
        it somewhere safe.
      </p>
      <CopyField value={secret} label="Token secret" />
      <div>
        <p className="mb-1 text-xs font-medium text-amber-900">Try it:</p>
        <CopyField value={curl} label="curl example" />
      </div>
      <Button size="sm" onClick={onDone}>
        I have stored it, hide the secret
      </Button>
    </div>
  );
}
