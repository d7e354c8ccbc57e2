import type { ReactNode } from 'react';
import { Badge } from '../ui/badge';
import { cx } from '../ui/cx';
import { typeLabel, type DocOperation, type OpenApiDocument } from './openapi';
import { SchemaFields } from './schema-fields';

const METHOD_COLORS: Record<DocOperation['method'], string> = {
  get: 'bg-sky-100 text-sky-800',
  head: 'bg-zinc-100 text-zinc-700',
  post: 'bg-emerald-100 text-emerald-800',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-violet-100 text-violet-800',
  delete: 'bg-red-100 text-red-800',
};

export function MethodBadge({ method }: { method: DocOperation['method'] }) {
  return (
    <span
      className={cx(
        'inline-block w-14 rounded px-1.5 py-0.5 text-center font-mono text-[11px] font-bold uppercase',
        METHOD_COLORS[method],
      )}
    >
      {method}
    </span>
  );
}

export function OperationCard({ doc, op }: { doc: OpenApiDocument; op: DocOperation }) {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.['application/json']?.schema;
  const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'));
  const responseSchema = success?.[1].content?.['application/json']?.schema;
  const isPublic = Array.isArray(op.security) && op.security.length === 0;

  return (
    <article id={op.operationId} className="scroll-mt-4 rounded-lg border border-zinc-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-2.5">
        <MethodBadge method={op.method} />
        <code className="font-mono text-sm text-zinc-900">{op.path}</code>
        {isPublic && <Badge tone="green">no auth</Badge>}
        <span className="ml-auto text-sm text-zinc-600">{op.summary}</span>
      </header>
      <div className="grid gap-4 px-4 py-3 md:grid-cols-2">
        <div className="space-y-3">
          {params.length > 0 && (
            <Block title="Parameters">
              <ul className="divide-y divide-zinc-100">
                {params.map((p) => (
                  <li key={`${p.in}:${p.name}`} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
                    <code className="font-mono text-xs font-semibold text-zinc-900">{p.name}</code>
                    <span className="text-[11px] text-zinc-400">{p.in}</span>
                    <span className="font-mono text-[11px] text-accent-700">{typeLabel(doc, p.schema)}</span>
                    {p.required && <span className="text-[10px] font-medium tracking-wide text-red-600 uppercase">required</span>}
                  </li>
                ))}
              </ul>
            </Block>
          )}
          {body && (
            <Block title="Request body (JSON)">
              <SchemaFields doc={doc} schema={body} mode="request" />
            </Block>
          )}
          {params.length === 0 && !body && <p className="text-xs text-zinc-400">No parameters.</p>}
        </div>
        <Block title={`Response ${success?.[0] ?? ''}`}>
          {responseSchema ? (
            <SchemaFields doc={doc} schema={responseSchema} mode="response" />
          ) : (
            <p className="text-xs text-zinc-500">{success?.[1].description ?? 'No content'}</p>
          )}
        </Block>
      </div>
    </article>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h4 className="mb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</h4>
      {children}
    </div>
  );
}
