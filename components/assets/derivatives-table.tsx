import type { TAssetDetail } from '@/lib/schemas/asset';
import { EmptyState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { formatBytes } from './asset-format';

export function DerivativesTable({ derivatives }: { derivatives: TAssetDetail['derivatives'] }) {
  if (derivatives.length === 0)
    return <EmptyState title="No derivatives yet">The pipeline makes them once the file is staged.</EmptyState>;
  return (
    <Table head={['Kind', 'Variant', 'Type', 'Size', 'Made by', '']} label="Derivatives">
      {derivatives.map((d) => (
        <tr key={`${d.kind}-${d.variant}`}>
          <Td className="font-medium">{d.kind.toLowerCase().replace('_', ' ')}</Td>
          <Td className="tabular-nums">{d.variant || '—'}</Td>
          <Td>
            <code className="text-xs">{d.mime}</code>
          </Td>
          <Td className="tabular-nums">{formatBytes(d.bytes)}</Td>
          <Td className="text-xs text-zinc-600">
            {d.tool} {d.toolVersion}
          </Td>
          <Td>
            <a className="text-xs text-accent-700 hover:underline" href={d.url} target="_blank" rel="noreferrer">
              Open
            </a>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
