'use client';

import { diffTaxonomyVersions } from '@/lib/api/operations/taxonomy';
import type { TTaxonomyVersionDiff } from '@/lib/schemas/taxonomy-diff';
import { describeOperation } from '@/lib/taxonomy-migration/describe-operation';
import { Badge, type BadgeTone } from '../ui/badge';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { fieldLabel, formatDiffValue } from './diff-values';
import { VersionPage } from './version-page';

const TONE: Record<TTaxonomyVersionDiff['classes'][number]['change'], BadgeTone> = {
  added: 'green',
  removed: 'red',
  changed: 'amber',
};

/** Two versions side by side: what changed in the classes, and the operations that carried labels across. */
export function VersionDiffViewer({ slug, from, to }: { slug: string; from: number; to: number }) {
  const diff = useApiQuery(diffTaxonomyVersions, { params: { projectId: slug, version: from, other: to } });
  return (
    <VersionPage slug={slug}>
      <h2 className="text-base font-semibold text-zinc-900">
        Version {from} → version {to}
      </h2>
      {diff.isPending ? (
        <LoadingState label="Comparing the versions…" />
      ) : diff.isError ? (
        <ErrorState
          error={diff.error}
          title={diff.error.status === 404 ? diff.error.message : 'Could not compare these versions'}
        />
      ) : (
        <DiffBody diff={diff.data} />
      )}
    </VersionPage>
  );
}

function DiffBody({ diff }: { diff: TTaxonomyVersionDiff }) {
  const nameOf = (id: string) => diff.names[id] ?? id;
  const operations = diff.steps.reduce((n, s) => n + s.operations.length, 0);
  return (
    <>
      <section aria-label="Classes" className="space-y-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Classes</h3>
        {diff.classes.length === 0 ? (
          <EmptyState title="The two versions have the same classes" />
        ) : (
          <Table head={['Class', 'Change', 'Field', 'Before', 'After']} label="Class differences">
            {diff.classes.flatMap((c) => {
              const fields = Object.entries(c.fields);
              const rows = fields.length > 0 ? fields : [null];
              return rows.map((field, i) => (
                <tr key={`${c.classId}-${i}`} className="align-top" data-testid={i === 0 ? `diff-class-${c.classId}` : undefined}>
                  <Td>{i === 0 && <span className="font-medium text-zinc-900">{c.name}</span>}</Td>
                  <Td>{i === 0 && <Badge tone={TONE[c.change]}>{c.change}</Badge>}</Td>
                  <Td className="text-xs text-zinc-600">{field ? fieldLabel(field[0]) : '—'}</Td>
                  <Td className="text-xs">{field ? formatDiffValue(field[0], field[1][0], nameOf) : ''}</Td>
                  <Td className="text-xs">{field ? formatDiffValue(field[0], field[1][1], nameOf) : ''}</Td>
                </tr>
              ));
            })}
          </Table>
        )}
      </section>
      <section aria-label="Recorded changes to labels" className="space-y-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Changes to labels recorded in between</h3>
        {operations === 0 ? (
          <p className="text-sm text-zinc-500">
            {diff.steps.length === 0 ? 'The same version: nothing in between.' : 'None: labels moved across as they were.'}
          </p>
        ) : (
          diff.steps
            .filter((s) => s.operations.length > 0)
            .map((s) => (
              <div key={s.version}>
                <p className="text-xs font-medium text-zinc-700">Into version {s.version}</p>
                <ol
                  className="list-decimal space-y-0.5 pl-5 text-sm text-zinc-800"
                  aria-label={`Changes into version ${s.version}`}
                >
                  {s.operations.map((op, i) => (
                    <li key={i}>{describeOperation(op, nameOf)}</li>
                  ))}
                </ol>
              </div>
            ))
        )}
      </section>
    </>
  );
}
