'use client';

import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { TQueueStat } from '@/lib/schemas/ops';
import { Badge } from '../ui/badge';

const COUNTS = [
  { key: 'waiting', label: 'Waiting', color: '#a1a1aa' },
  { key: 'active', label: 'Active', color: '#4f46e5' },
  { key: 'completed', label: 'Completed', color: '#10b981' },
  { key: 'failed', label: 'Failed', color: '#ef4444' },
  { key: 'delayed', label: 'Delayed', color: '#f59e0b' },
] as const;

function ms(value: number | null): string {
  if (value === null) return '—';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

/** One queue: its counts as a small table and a bar chart, plus workers and latency. */
export function QueueCard({ queue }: { queue: TQueueStat }) {
  const data = COUNTS.map((c) => ({ name: c.label, value: queue[c.key], color: c.color }));
  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-xs" data-testid={`queue-${queue.name}`}>
      <div className="flex items-center gap-2 border-b border-zinc-100 px-3 py-2">
        <h3 className="font-mono text-sm font-semibold text-zinc-900">{queue.name}</h3>
        {queue.paused && <Badge tone="amber">paused</Badge>}
        {queue.workers === 0 ? (
          <Badge tone="red">no workers</Badge>
        ) : (
          <Badge tone="green">
            {queue.workers} worker{queue.workers === 1 ? '' : 's'}
          </Badge>
        )}
        {queue.openFailures > 0 && <Badge tone="red">{queue.openFailures} dead</Badge>}
      </div>
      <div className="flex items-center gap-2 px-3 py-2">
        <table className="text-xs" aria-label={`${queue.name} counts`}>
          <tbody>
            {COUNTS.map((c) => (
              <tr key={c.key}>
                <th scope="row" className="pr-3 text-left font-normal text-zinc-500">
                  <span className="mr-1.5 inline-block size-2 rounded-sm" style={{ backgroundColor: c.color }} aria-hidden />
                  {c.label}
                </th>
                <td className="text-right font-medium text-zinc-900 tabular-nums">{queue[c.key].toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="ml-auto" aria-hidden>
          <BarChart width={150} height={84} data={data} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
            <XAxis dataKey="name" hide />
            <YAxis hide allowDecimals={false} />
            <Tooltip cursor={{ fill: '#f4f4f5' }} contentStyle={{ fontSize: 11, padding: '2px 6px' }} isAnimationActive={false} />
            <Bar dataKey="value" isAnimationActive={false} radius={[2, 2, 0, 0]} minPointSize={1}>
              {data.map((d) => (
                <Cell key={d.name} fill={d.color} />
              ))}
            </Bar>
          </BarChart>
        </div>
      </div>
      <p className="border-t border-zinc-100 px-3 py-1.5 text-[11px] text-zinc-500">
        wait p50 {ms(queue.latency.waitMsP50)} · run p50 {ms(queue.latency.runMsP50)} · p95 {ms(queue.latency.runMsP95)}
        <span className="text-zinc-400"> ({queue.latency.samples} jobs)</span>
      </p>
    </div>
  );
}
