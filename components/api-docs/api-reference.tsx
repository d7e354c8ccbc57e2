'use client';

import { useQuery } from '@tanstack/react-query';
import { apiErrorFrom, type ApiError } from '@/lib/api/client';
import { PageHeader } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { groupByTag, type OpenApiDocument } from './openapi';
import { OperationCard } from './operation-card';

async function fetchDocument(signal: AbortSignal): Promise<OpenApiDocument> {
  const response = await fetch('/api/v1/openapi.json', { signal });
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as OpenApiDocument;
}

/** The REST reference, rendered from the OpenAPI document the server generates from its zod contracts. */
export function ApiReference() {
  const doc = useQuery<OpenApiDocument, ApiError>({
    queryKey: ['openapi'],
    queryFn: ({ signal }) => fetchDocument(signal),
    staleTime: Infinity,
  });
  const base = doc.data?.servers?.[0]?.url ?? '/api/v1';

  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Everything the UI does goes through this REST API. Machine-readable:{' '}
            <a href="/api/v1/openapi.json" className="text-accent-700 hover:underline">
              openapi.json
            </a>{' '}
            (OpenAPI 3.1).
          </>
        }
      />
      {doc.isPending ? (
        <LoadingState label="Loading the API description…" />
      ) : doc.isError ? (
        <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />
      ) : (
        <div className="grid gap-8 lg:grid-cols-[12rem_1fr]">
          <nav className="top-4 hidden space-y-4 self-start text-sm lg:sticky lg:block" aria-label="Operations">
            {groupByTag(doc.data).map(([tag, ops]) => (
              <div key={tag}>
                <a href={`#tag-${tag}`} className="font-medium text-zinc-900 hover:text-accent-700">
                  {tag}
                </a>
                <ul className="mt-1 space-y-0.5">
                  {ops.map((op) => (
                    <li key={`${op.method} ${op.path}`}>
                      <a
                        href={`#${op.operationId}`}
                        className="block truncate text-xs text-zinc-500 hover:text-zinc-900"
                        title={op.summary}
                      >
                        {op.operationId}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <div className="min-w-0 space-y-8">
            <Authentication base={base} />
            {groupByTag(doc.data).map(([tag, ops]) => (
              <section key={tag} id={`tag-${tag}`} className="scroll-mt-4 space-y-3">
                <h2 className="text-base font-semibold text-zinc-900">{tag}</h2>
                {ops.map((op) => (
                  <OperationCard key={`${op.method} ${op.path}`} doc={doc.data} op={op} />
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </>
  );
}

function Authentication({ base }: { base: string }) {
  return (
    <section className="space-y-2 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700 shadow-xs">
      <h2 className="text-base font-semibold text-zinc-900">Authentication</h2>
      <p>
        Send an API token as a bearer token. Create one under{' '}
        <a href="/settings/tokens" className="text-accent-700 hover:underline">
          Settings → API tokens
        </a>
        ; it acts as you, with your roles in each project. In the browser, your session cookie works too.
      </p>
      <pre className="overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100">
        curl -H &quot;Authorization: Bearer loupe_…&quot; {base}/projects
      </pre>
      <p>
        Errors are <code className="font-mono text-xs">application/problem+json</code> with{' '}
        <code className="font-mono text-xs">status</code>, <code className="font-mono text-xs">code</code>, a readable{' '}
        <code className="font-mono text-xs">detail</code> and, for invalid input,{' '}
        <code className="font-mono text-xs">errors[]</code> with the <code className="font-mono text-xs">path</code> of each bad
        field. Objects of projects you are not a member of answer 404, whatever the method; a role that may not do something gets
        403.
      </p>
    </section>
  );
}
