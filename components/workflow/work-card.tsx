'use client';

import { useMutation } from '@tanstack/react-query';
import { callApi } from '@/lib/api/client';
import { claimNextTask } from '@/lib/api/operations/workflow';
import type { TPass, TQueueStats } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { Card } from '../ui/page-header';
import { Notice } from '../ui/states';
import { PassName, START_LABELS } from './pass-kind';
import { useOpenAssignment } from './use-open-assignment';

type PassStats = TQueueStats['passes'][number];

export function WorkCard({ slug, pass, stats }: { slug: string; pass: TPass; stats: PassStats | undefined }) {
  const open = useOpenAssignment(slug);
  const claim = useMutation({
    mutationFn: () => callApi(claimNextTask, { params: { projectId: slug, passId: pass.id } }),
    onSuccess: (result) => {
      if (result.assignment) open(result.assignment);
    },
  });
  const empty = stats?.waiting === 0;

  return (
    <Card className="flex flex-col gap-3 p-4">
      <div className="flex items-center gap-2">
        <h2 className="flex items-center gap-2 truncate text-sm font-semibold text-zinc-900">
          <PassName name={pass.name} kind={pass.kind} />
        </h2>
      </div>
      <div data-testid={`waiting-${pass.name}`}>
        <p className="text-2xl font-semibold text-zinc-900 tabular-nums">{stats ? stats.waiting : '…'}</p>
        <p className="text-xs text-zinc-500">
          waiting{stats && stats.inProgress > 0 && ` · ${stats.inProgress} in progress`}
          {pass.slaHours !== null && ` · SLA ${pass.slaHours} h`}
        </p>
      </div>
      {claim.data?.assignment === null ? (
        <Notice>Nothing for you in this queue right now. New items and returned work show up here.</Notice>
      ) : (
        empty && <p className="text-xs text-zinc-500">Nothing waiting. Work sent back to you still opens from here.</p>
      )}
      {claim.isError && <Notice tone="error">{claim.error.message}</Notice>}
      <Button variant="primary" className="mt-auto" pending={claim.isPending} onClick={() => claim.mutate()}>
        {START_LABELS[pass.kind]}
      </Button>
    </Card>
  );
}
