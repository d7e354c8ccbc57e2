'use client';

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TQualityReportBody } from '@/lib/schemas/quality';

type Label = TQualityReportBody['labels'][number];

/** One-vs-rest α per label with its 95 % interval as whiskers; a click lists that label's items. */
export function LabelChart({ labels, onPick }: { labels: readonly Label[]; onPick: (classId: string) => void }) {
  const rows = labels
    .filter((l) => l.alpha.value !== null)
    .map((l) => ({
      classId: l.classId,
      name: l.name,
      color: l.color,
      alpha: l.alpha.value!,
      // ErrorBar takes the distances below and above the value.
      whisker: [l.alpha.value! - (l.alpha.low ?? l.alpha.value!), (l.alpha.high ?? l.alpha.value!) - l.alpha.value!],
      regions: l.regions,
      f1: l.f1,
    }));
  const undefinedLabels = labels.filter((l) => l.alpha.value === null);
  return (
    <figure aria-label="Agreement per label" data-testid="label-chart">
      <BarChart
        width={460}
        height={Math.max(120, rows.length * 34 + 40)}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        onClick={(state) => {
          const row = rows[Number(state.activeTooltipIndex)];
          if (row) onPick(row.classId);
        }}
      >
        <CartesianGrid horizontal={false} stroke="#f4f4f5" />
        <XAxis
          type="number"
          domain={[Math.min(0, ...rows.map((r) => r.alpha - r.whisker[0]!)), 1]}
          tick={{ fontSize: 10, fill: '#71717a' }}
          tickCount={6}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={96}
          tick={{ fontSize: 11, fill: '#3f3f46' }}
          tickLine={false}
          axisLine={false}
        />
        <ReferenceLine x={0.8} stroke="#10b981" strokeDasharray="3 3" />
        <ReferenceLine x={0.667} stroke="#f59e0b" strokeDasharray="3 3" />
        <Tooltip
          cursor={{ fill: '#f4f4f5' }}
          isAnimationActive={false}
          contentStyle={{ fontSize: 11, padding: '4px 8px' }}
          formatter={(value, _name, item) => {
            const row = item.payload as (typeof rows)[number];
            return [`${Number(value).toFixed(2)} · ${row.regions} labels · F1 ${row.f1 === null ? '—' : row.f1.toFixed(2)}`, 'α'];
          }}
        />
        <Bar dataKey="alpha" isAnimationActive={false} radius={[0, 2, 2, 0]} className="cursor-pointer">
          {rows.map((r) => (
            <Cell key={r.classId} fill={r.color} fillOpacity={0.8} />
          ))}
          <ErrorBar dataKey="whisker" width={6} stroke="#27272a" direction="x" />
        </Bar>
      </BarChart>
      <figcaption className="text-[11px] text-zinc-500">
        One-vs-rest α with 95 % bootstrap intervals; dashed lines at 0.667 and 0.8.
        {undefinedLabels.length > 0 &&
          ` Undefined for ${undefinedLabels.map((l) => l.name).join(', ')} (${undefinedLabels[0]!.alpha.undefinedReason}).`}
      </figcaption>
    </figure>
  );
}
