'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Submissions per day over the last two weeks. */
export function ThroughputChart({ data, label }: { data: readonly { day: string; count: number }[]; label: string }) {
  const rows = data.map((d) => ({ ...d, label: DAY.format(new Date(`${d.day.slice(0, 10)}T00:00:00Z`)) }));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure aria-label={label}>
      <BarChart width={320} height={110} data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -28 }}>
        <CartesianGrid vertical={false} stroke="#f4f4f5" />
        <XAxis dataKey="label" tick={{ fontSize: 10, fill: '#71717a' }} tickLine={false} axisLine={false} interval={3} />
        <YAxis allowDecimals={false} tick={{ fontSize: 10, fill: '#71717a' }} tickLine={false} axisLine={false} />
        <Tooltip cursor={{ fill: '#f4f4f5' }} contentStyle={{ fontSize: 11, padding: '2px 6px' }} isAnimationActive={false} />
        <Bar dataKey="count" name="submitted" fill="#4f46e5" isAnimationActive={false} radius={[2, 2, 0, 0]} />
      </BarChart>
      <figcaption className="text-[11px] text-zinc-500">{total} submitted in the last 14 days</figcaption>
    </figure>
  );
}
