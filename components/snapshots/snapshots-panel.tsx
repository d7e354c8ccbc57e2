'use client';

import Link from 'next/link';
import { useState } from 'react';
import { listSnapshots } from '@/lib/api/operations/snapshots';
import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import { Button } from '../ui/button';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { CreateSnapshotForm } from './create-snapshot-form';

/** The project's dataset versions, newest first, and the form that makes the next one. */
export function SnapshotsPanel({ slug }: { slug: string }) {
  const snapshots = useApiQuery(listSnapshots, { params: { projectId: slug } });
  const taxonomy = useApiQuery(getTaxonomy, { params: { projectId: slug } });
  const [creating, setCreating] = useState(false);
  const classes = taxonomy.data?.published?.definition.classes ?? [];

  return (
    <div className="space-y-4">
      <PageHeader
        title="Snapshots"
        description="Immutable versions of the finished labels, with their split, lineage and checksums, exported to the formats training code reads."
        actions={
          !creating && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New snapshot
            </Button>
          )
        }
      />
      {creating && <CreateSnapshotForm slug={slug} classes={classes} onCancel={() => setCreating(false)} />}
      {snapshots.isPending ? (
        <LoadingState label="Loading snapshots…" />
      ) : snapshots.isError ? (
        <ErrorState error={snapshots.error} onRetry={() => void snapshots.refetch()} />
      ) : snapshots.data.snapshots.length === 0 ? (
        <EmptyState title="No snapshots yet">
          A snapshot freezes the finished items as they are now: later edits never change it, and it can be exported again years
          later to the same bytes.
        </EmptyState>
      ) : (
        <Table head={['Version', 'Name', 'Items', 'Train / val / test', 'Made', 'Checksum']} label="Snapshots">
          {snapshots.data.snapshots.map((s) => (
            <tr key={s.id}>
              <Td>
                <Link href={`/projects/${slug}/snapshots/${s.version}`} className="font-medium text-accent-700 hover:underline">
                  v{s.version}
                </Link>
              </Td>
              <Td>{s.name}</Td>
              <Td className="tabular-nums">{s.itemCount.toLocaleString()}</Td>
              <Td className="tabular-nums">
                {(['train', 'val', 'test'] as const).map((k) => (s.manifest?.perSplit[k] ?? 0).toLocaleString()).join(' / ')}
              </Td>
              <Td>
                {formatDateTime(s.createdAt)} · {s.createdBy.name}
              </Td>
              <Td className="font-mono text-xs text-zinc-500">{s.checksum?.slice(0, 12)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
