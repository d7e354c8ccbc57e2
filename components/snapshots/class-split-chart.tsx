'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TSnapshotView } from '@/lib/schemas/snapshot';

const SPLIT_COLORS = { train: '#4f46e5', val: '#f59e0b', test: '#10b981' } as const;

/** Labels per class, stacked by split: whether every class reaches validation and test. */
export function ClassSplitChart({ snapshot }: { snapshot: TSnapshotView }) {
  const perClass = snapshot.manifest?.perClass ?? {};
  const names = new Map(snapshot.classes.map((c) => [c.id, c.name]));
  const rows = Object.entries(perClass)
    .map(([classId, splits]) => ({
      name: names.get(classId) ?? classId,
      train: splits.train ?? 0,
      val: splits.val ?? 0,
      test: splits.test ?? 0,
    }))
    .sort((a, b) => b.train + b.val + b.test - (a.train + a.val + a.test));
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No labels in this snapshot.</p>;
  return (
    <figure aria-label="Labels per class and split" data-testid="class-split-chart">
      <BarChart
        width={560}
        height={Math.max(120, rows.length * 30 + 60)}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#f4f4f5" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 10, fill: '#71717a' }} />
        <YAxis
          type="category"
          dataKey="name"
          width={110}
          tick={{ fontSize: 11, fill: '#3f3f46' }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip cursor={{ fill: '#f4f4f5' }} isAnimationActive={false} contentStyle={{ fontSize: 11, padding: '4px 8px' }} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {(['train', 'val', 'test'] as const).map((split) => (
          <Bar key={split} dataKey={split} stackId="splits" fill={SPLIT_COLORS[split]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
