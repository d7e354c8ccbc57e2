'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { listMembers } from '@/lib/api/operations/members';
import { addTaskComment, getAssignment, getTaskActivity } from '@/lib/api/operations/workflow';
import { Button } from '../ui/button';
import { Field, Textarea } from '../ui/field';
import { Notice } from '../ui/states';
import { useApiQuery } from '../use-api';

// The "@partial" being typed at the end of the text, if any.
const TYPING_MENTION = /(?:^|\s)@([^\s@]*)$/;

/** Adds a comment to a task; typing @ suggests project members, whose emails the API resolves to mentions. */
export function CommentForm({ slug, taskId }: { slug: string; taskId: string }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const members = useApiQuery(listMembers, { params: { projectId: slug } }, { staleTime: 60_000 });
  const partial = TYPING_MENTION.exec(body)?.[1];
  const suggestions =
    partial === undefined
      ? []
      : (members.data?.members ?? [])
          .filter((m) => m.email.startsWith(partial.toLowerCase()) || m.name.toLowerCase().includes(partial.toLowerCase()))
          .slice(0, 5);

  const add = useMutation({
    mutationFn: () => callApi(addTaskComment, { params: { projectId: slug, taskId }, body: { body } }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: [getAssignment.id] });
      void queryClient.invalidateQueries({ queryKey: [getTaskActivity.id] });
    },
  });

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) add.mutate();
      }}
    >
      <Field label="Add a comment" hint="Mention someone with @ and their email." error={errorsByPath(add.error).body}>
        <Textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} />
      </Field>
      {suggestions.length > 0 && (
        <div className="flex flex-wrap gap-1" aria-label="Mention suggestions">
          {suggestions.map((m) => (
            <Button key={m.userId} size="sm" variant="ghost" onClick={() => setBody(body.replace(/@[^\s@]*$/, `@${m.email} `))}>
              @{m.email}
            </Button>
          ))}
        </div>
      )}
      {add.isError && !errorsByPath(add.error).body && <Notice tone="error">{add.error.message}</Notice>}
      <Button type="submit" size="sm" pending={add.isPending} disabled={!body.trim()}>
        Comment
      </Button>
    </form>
  );
}
