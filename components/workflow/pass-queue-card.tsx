import type { TQueueStats } from '@/lib/schemas/workflow';
import { Card } from '../ui/page-header';
import { formatDuration } from './durations';
import { PassName } from './pass-kind';
import { ThroughputChart } from './throughput-chart';

type PassStats = TQueueStats['passes'][number];

/** One pass's queue: depth, age, SLA, time in queue and throughput. */
export function PassQueueCard({ pass }: { pass: PassStats }) {
  const q = pass.timeInQueueSec;
  return (
    <Card className="space-y-3 p-4">
      <div className="flex items-center gap-2">
        <h2 className="flex items-center gap-2 truncate text-sm font-semibold text-zinc-900">
          <PassName name={pass.name} kind={pass.kind} />
        </h2>
        <span className="ml-auto text-xs text-zinc-500">{pass.slaHours === null ? 'no SLA' : `SLA ${pass.slaHours} h`}</span>
      </div>
      <dl className="grid grid-cols-4 gap-2" aria-label={`${pass.name} queue`}>
        <Figure label="waiting" value={pass.waiting} />
        <Figure label="in progress" value={pass.inProgress} />
        <Figure label="oldest waiting" value={formatDuration(pass.oldestWaitingSec)} />
        <Figure label="overdue" value={pass.slaHours === null ? '—' : pass.overdue} alert={pass.overdue > 0} />
      </dl>
      <p className="text-xs text-zinc-600">
        Time in queue (30 days): p50 <strong>{formatDuration(q.p50)}</strong> · p95 <strong>{formatDuration(q.p95)}</strong> · p99{' '}
        <strong>{formatDuration(q.p99)}</strong>
      </p>
      <ThroughputChart data={pass.throughput} label={`${pass.name}: submissions per day`} />
    </Card>
  );
}

function Figure({ label, value, alert }: { label: string; value: number | string; alert?: boolean }) {
  return (
    <div>
      <dt className="text-[11px] text-zinc-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${alert ? 'text-red-700' : 'text-zinc-900'}`}>{value}</dd>
    </div>
  );
}
