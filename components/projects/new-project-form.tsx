'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { createProject, listProjects } from '@/lib/api/operations/projects';
import type { TProjectCreate } from '@/lib/schemas/project';
import { Button } from '../ui/button';
import { Field, Input, Textarea } from '../ui/field';
import { Card } from '../ui/page-header';
import { Notice } from '../ui/states';

export function NewProjectForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: Partial<TProjectCreate> & { name: string }) => callApi(createProject, { body }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: [listProjects.id] });
      router.push(`/projects/${project.slug}`);
    },
  });
  const fieldErrors = errorsByPath(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const slug = String(form.get('slug') ?? '').trim();
    create.mutate({
      name: String(form.get('name') ?? ''),
      description: String(form.get('description') ?? ''),
      ...(slug ? { slug } : {}),
    });
  }

  return (
    <Card className="mb-5 p-4">
      <form onSubmit={submit} className="space-y-3" aria-label="New project">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" error={fieldErrors.name}>
            <Input name="name" required maxLength={100} autoFocus placeholder="Street scenes 2026" />
          </Field>
          <Field label="Slug (optional)" error={fieldErrors.slug} hint="Used in URLs. Derived from the name when empty.">
            <Input name="slug" maxLength={48} placeholder="street-scenes" pattern="[a-z0-9-]*" />
          </Field>
        </div>
        <Field label="Description (optional)" error={fieldErrors.description}>
          <Textarea name="description" rows={2} maxLength={2000} />
        </Field>
        {create.isError && Object.keys(fieldErrors).length === 0 && <Notice tone="error">{create.error.message}</Notice>}
        <div className="flex gap-2">
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create project
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
