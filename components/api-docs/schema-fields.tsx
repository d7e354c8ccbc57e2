import { constraints, objectOf, typeLabel, unwrapNullable, type JsonSchema, type OpenApiDocument } from './openapi';

interface SchemaFieldsProps {
  doc: OpenApiDocument;
  schema: JsonSchema | undefined;
  /** Request fields flag what must be sent; response fields flag what may be missing. */
  mode: 'request' | 'response';
  depth?: number;
}

/** The fields of an object schema, nesting objects (and arrays of objects) up to `depth` levels. */
export function SchemaFields({ doc, schema, mode, depth = 2 }: SchemaFieldsProps) {
  const object = objectOf(doc, schema);
  if (!object?.properties || Object.keys(object.properties).length === 0) {
    return <p className="font-mono text-xs text-zinc-600">{typeLabel(doc, schema)}</p>;
  }
  const required = new Set(object.required ?? []);
  return (
    <ul className="divide-y divide-zinc-100">
      {Object.entries(object.properties).map(([name, prop]) => {
        const { schema: inner } = unwrapNullable(doc, prop);
        const nested = depth > 1 ? objectOf(doc, prop) : undefined;
        const notes = constraints(inner);
        return (
          <li key={name} className="py-1.5">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono text-xs font-semibold text-zinc-900">{name}</code>
              <span className="font-mono text-[11px] break-all text-accent-700">{typeLabel(doc, prop)}</span>
              {mode === 'request' && required.has(name) && (
                <span className="text-[10px] font-medium tracking-wide text-red-600 uppercase">required</span>
              )}
              {mode === 'response' && !required.has(name) && (
                <span className="text-[10px] tracking-wide text-zinc-400 uppercase">optional</span>
              )}
              {notes.length > 0 && <span className="text-[11px] text-zinc-400">{notes.join(' · ')}</span>}
            </div>
            {(inner?.description ?? prop.description) && (
              <p className="text-xs text-zinc-500">{inner?.description ?? prop.description}</p>
            )}
            {nested?.properties && (
              <div className="mt-1 ml-3 border-l-2 border-zinc-100 pl-3">
                <SchemaFields doc={doc} schema={nested} mode={mode} depth={depth - 1} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
