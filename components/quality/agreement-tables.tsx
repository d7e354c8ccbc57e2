import type { TQualityReportBody } from '@/lib/schemas/quality';
import { Badge } from '../ui/badge';
import { Table, Td } from '../ui/table';
import { alphaVerdict, formatAlpha, formatInterval, formatShare } from './quality-format';

function AlphaCell({ estimate }: { estimate: TQualityReportBody['cohorts'][number]['alpha'] }) {
  return (
    <span
      title={estimate.value === null ? (estimate.undefinedReason ?? '') : formatInterval(estimate)}
      className="flex items-center gap-1.5"
    >
      <span className="font-medium tabular-nums">{formatAlpha(estimate)}</span>
      {estimate.value !== null && <Badge tone={alphaVerdict(estimate.value).tone}>{alphaVerdict(estimate.value).label}</Badge>}
    </span>
  );
}

/** α per attribute of matched regions of the same class (exact match for text, such as transcripts). */
export function AttributeTable({ attributes, classes }: Pick<TQualityReportBody, 'attributes' | 'classes'>) {
  if (attributes.length === 0)
    return <p className="text-sm text-zinc-500">No attribute was answered by both annotators of a pair.</p>;
  const className = new Map(classes.map((c) => [c.id, c.name]));
  return (
    <Table head={['Attribute', 'Level', 'Pairs', 'α', 'Same value']} label="Attribute agreement">
      {attributes.map((a) => (
        <tr key={`${a.classId}-${a.attributeId}`}>
          <Td>
            <span className="font-medium">{a.name}</span>
            <span className="block text-[11px] text-zinc-500">{className.get(a.classId) ?? a.classId}</span>
          </Td>
          <Td className="text-zinc-600">{a.level}</Td>
          <Td className="tabular-nums">{a.units}</Td>
          <Td>
            <AlphaCell estimate={a.alpha} />
          </Td>
          <Td className="tabular-nums">{formatShare(a.exactMatch)}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** α over the pairs of annotators who are both in a cohort; a row lists the cohort's items. */
export function CohortTable({
  cohorts,
  people,
  onPick,
}: Pick<TQualityReportBody, 'cohorts' | 'people'> & { onPick: (cohort: string) => void }) {
  if (cohorts.length === 0)
    return <p className="text-sm text-zinc-500">No cohorts yet: group annotators in the settings below.</p>;
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return (
    <Table head={['Cohort', 'Members', 'Pairs', 'α']} label="Cohort agreement">
      {cohorts.map((c) => (
        <tr key={c.name}>
          <Td>
            <button type="button" className="font-medium text-accent-700 hover:underline" onClick={() => onPick(c.name)}>
              {c.name}
            </button>
          </Td>
          <Td className="text-zinc-600">{c.memberIds.map((id) => nameOf.get(id) ?? id).join(', ')}</Td>
          <Td className="tabular-nums">{c.units}</Td>
          <Td>
            <AlphaCell estimate={c.alpha} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
