'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { listImports } from '@/lib/api/operations/imports';
import { createTasks, getQueueStats, getWorkflow } from '@/lib/api/operations/workflow';
import { ASSET_KINDS } from '@/lib/schemas/asset';
import type { TTaskCreate } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import { formatRelative } from '../ui/format';
import { Card } from '../ui/page-header';
import { Notice } from '../ui/states';
import { useApiQuery } from '../use-api';

type By = 'all' | 'kind' | 'batch';

/** Puts READY assets into the first pass; assets that already have a task are skipped. */
export function CreateTasksPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const batches = useApiQuery(listImports, { params: { projectId: slug } });
  const [by, setBy] = useState<By>('all');
  const [kind, setKind] = useState<(typeof ASSET_KINDS)[number]>('IMAGE');
  const [batchId, setBatchId] = useState('');
  const [priority, setPriority] = useState('0');

  const selection = (): TTaskCreate['selection'] =>
    by === 'batch' ? { by: 'batch', batchId } : by === 'kind' ? { by: 'all', kind } : { by: 'all' };
  const create = useMutation({
    mutationFn: () =>
      callApi(createTasks, { params: { projectId: slug }, body: { selection: selection(), priority: Number(priority) } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [getWorkflow.id] });
      void queryClient.invalidateQueries({ queryKey: [getQueueStats.id] });
    },
  });
  const fieldErrors = errorsByPath(create.error);

  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold text-zinc-900">Create tasks</h2>
      <fieldset className="space-y-1.5 text-sm">
        <legend className="sr-only">Which assets</legend>
        <Choice checked={by === 'all'} onSelect={() => setBy('all')} label="All READY assets" />
        <Choice checked={by === 'kind'} onSelect={() => setBy('kind')} label="READY assets of one kind">
          <Select compact aria-label="Which asset kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {ASSET_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.toLowerCase()}
              </option>
            ))}
          </Select>
        </Choice>
        <Choice checked={by === 'batch'} onSelect={() => setBy('batch')} label="An import batch">
          <Select compact aria-label="Which import batch" value={batchId} onChange={(e) => setBatchId(e.target.value)}>
            <option value="">{batches.isPending ? 'Loading…' : 'Choose a batch'}</option>
            {batches.data?.batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label || b.source.toLowerCase()} · {b.stages.READY} ready · {formatRelative(b.createdAt)}
              </option>
            ))}
          </Select>
        </Choice>
      </fieldset>
      <Field label="Priority" hint="-100 … 100; higher is claimed first" error={fieldErrors.priority} className="w-40">
        <Input type="number" min={-100} max={100} value={priority} onChange={(e) => setPriority(e.target.value)} />
      </Field>
      <Button variant="primary" pending={create.isPending} disabled={by === 'batch' && !batchId} onClick={() => create.mutate()}>
        Create tasks
      </Button>
      {create.isSuccess && (
        <Notice tone="success">
          <span data-testid="create-tasks-result">
            {create.data.created} created, {create.data.skipped} skipped
          </span>
        </Notice>
      )}
      {create.isError && !fieldErrors.priority && <Notice tone="error">{create.error.message}</Notice>}
    </Card>
  );
}

function Choice({
  checked,
  onSelect,
  label,
  children,
}: {
  checked: boolean;
  onSelect: () => void;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2">
        <input type="radio" name="task-selection" checked={checked} onChange={onSelect} />
        {label}
      </label>
      {children && checked && <div className="pl-5">{children}</div>}
    </div>
  );
}
