'use client';

import Link from 'next/link';
import type { TMigrationImpact } from '@/lib/schemas/taxonomy-migration';
import { describeOperation } from '@/lib/taxonomy-migration/describe-operation';
import { ErrorState, LoadingState, Notice } from '../ui/states';
import { Table, Td } from '../ui/table';

const count = (n: number) => n.toLocaleString('en');

/** The dry run of the saved draft: per change, what it touches among the published version's labels, and what stops the publish. */
export function MigrationImpact({
  slug,
  report,
  nameOf,
}: {
  slug: string;
  report: { data?: TMigrationImpact; isPending: boolean; error: unknown; refetch: () => unknown };
  nameOf: (classId: string) => string;
}) {
  if (report.error)
    return <ErrorState error={report.error} title="Could not run the dry run" onRetry={() => void report.refetch()} />;
  if (report.isPending || !report.data) return <LoadingState label="Counting the labels these changes touch…" />;
  const r = report.data;
  return (
    <div className="space-y-3" data-testid="migration-impact">
      <p className="text-sm text-zinc-600">
        Publishing moves <strong className="text-zinc-900">{count(r.annotations)}</strong> annotations from version{' '}
        {r.fromVersion} to version {r.toVersion} (counted in {count(r.tookMs)} ms).
      </p>
      {r.problems.length > 0 && (
        <Notice tone="error">
          <p className="font-medium">Fix these before publishing:</p>
          <ul className="mt-1 list-disc pl-5">
            {r.problems.map((p, i) => (
              <li key={i}>{p.operation >= 0 ? `Change ${p.operation + 1}: ${p.message}` : p.message}</li>
            ))}
          </ul>
        </Notice>
      )}
      {r.impact.length > 0 && (
        <Table head={['Change', 'Annotations', 'Tasks', 'By pass and status', 'Snapshots', 'Samples']} label="Dry run">
          {r.impact.map((o) => (
            <tr key={o.operation}>
              <Td>{describeOperation(r.operations[o.operation]!, nameOf)}</Td>
              <Td className="tabular-nums">{count(o.annotations)}</Td>
              <Td className="tabular-nums">{count(o.tasks)}</Td>
              <Td className="text-xs text-zinc-600">
                {o.byPass
                  .map((p) => `${p.passName ?? 'no pass'} · ${p.status.toLowerCase().replace('_', ' ')}: ${count(p.tasks)}`)
                  .join('; ') || '—'}
              </Td>
              <Td className="tabular-nums">{o.snapshots > 0 ? `${count(o.snapshots)} (keep version ${r.fromVersion})` : '0'}</Td>
              <Td className="text-xs">
                {o.samples.map((s, i) => (
                  <Link
                    key={s.annotationId}
                    href={`/projects/${slug}/tasks/${s.taskId}`}
                    className="mr-2 text-accent-700 hover:underline"
                  >
                    #{i + 1}
                  </Link>
                ))}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
