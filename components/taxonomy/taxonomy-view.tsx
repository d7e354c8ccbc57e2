import type { TTaxonomyDefinition } from '@/lib/schemas/taxonomy';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { GEOMETRY_LABELS } from './geometry-chips';

/** A taxonomy definition, read-only. */
export function TaxonomyView({ definition }: { definition: TTaxonomyDefinition }) {
  if (definition.classes.length === 0) return <EmptyState title="This version has no classes" />;
  return (
    <Table head={['Class', 'Hotkey', 'Geometries', 'Attributes']} label="Classes">
      {definition.classes.map((c) => (
        <tr key={c.id} className="align-top" data-testid={`view-class-${c.id}`}>
          <Td>
            <div className="flex items-center gap-2">
              <span
                className="size-3 shrink-0 rounded-sm ring-1 ring-black/10"
                style={{ backgroundColor: c.color }}
                aria-hidden
              />
              <span className="font-medium text-zinc-900">{c.name}</span>
            </div>
            <span className="ml-5 font-mono text-[10px] text-zinc-400">{c.id}</span>
            {c.description && <p className="mt-1 ml-5 max-w-xs text-xs text-zinc-500">{c.description}</p>}
          </Td>
          <Td>
            {c.hotkey ? (
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs">{c.hotkey}</kbd>
            ) : (
              <span className="text-zinc-400">—</span>
            )}
          </Td>
          <Td>
            <div className="flex max-w-64 flex-wrap gap-1">
              {c.geometries.map((g) => (
                <Badge key={g}>{GEOMETRY_LABELS[g]}</Badge>
              ))}
            </div>
          </Td>
          <Td>
            {c.attributes.length === 0 ? (
              <span className="text-zinc-400">—</span>
            ) : (
              <ul className="space-y-0.5 text-xs">
                {c.attributes.map((a) => (
                  <li key={a.id}>
                    <span className="font-medium text-zinc-800">{a.name}</span> <span className="text-zinc-500">{a.type}</span>
                    {a.required && <span className="text-red-600"> *</span>}
                    {a.options && <span className="text-zinc-500">: {a.options.join(', ')}</span>}
                    {(a.min !== undefined || a.max !== undefined) && (
                      <span className="text-zinc-500">
                        {' '}
                        [{a.min ?? '−∞'}, {a.max ?? '∞'}]
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
