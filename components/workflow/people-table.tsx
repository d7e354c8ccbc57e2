import type { TQueueStats } from '@/lib/schemas/workflow';
import { EmptyState } from '../ui/states';
import { Table, Td } from '../ui/table';

/** Output per person; the API sends only the caller's own row unless they lead the project. */
export function PeopleTable({ people }: { people: TQueueStats['people'] }) {
  if (people.length === 0) return <EmptyState title="No work done yet">Submissions and reviews show up here.</EmptyState>;
  return (
    <Table head={['Person', 'Submitted', 'Reviewed', 'Accepted', 'Rejected', 'Accept rate']} label="People">
      {people.map((p) => (
        <tr key={p.user.id}>
          <Td>
            <span className="font-medium text-zinc-900">{p.user.name}</span>{' '}
            <span className="text-xs text-zinc-500">{p.user.email}</span>
          </Td>
          <Td className="tabular-nums">{p.submitted}</Td>
          <Td className="tabular-nums">{p.reviewed}</Td>
          <Td className="tabular-nums">{p.accepted}</Td>
          <Td className="tabular-nums">{p.rejected}</Td>
          <Td className="tabular-nums">{p.acceptRate === null ? '—' : `${Math.round(p.acceptRate * 100)}%`}</Td>
        </tr>
      ))}
    </Table>
  );
}
