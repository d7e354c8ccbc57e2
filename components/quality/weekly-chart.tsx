'use client';

import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TQualityReportBody } from '@/lib/schemas/quality';
import { formatWeek } from './quality-format';

type Report = Pick<TQualityReportBody, 'weekly' | 'baselines' | 'alerts' | 'settings'>;

/**
 * α week by week with its interval, against the baseline's α, and the label distribution's
 * Jensen–Shannon distance from the baseline's against the alert threshold. Alerts are red dots.
 */
export function WeeklyChart({ report, family, onPick }: { report: Report; family: string; onPick: (week: string) => void }) {
  const weeks = report.weekly.filter((w) => w.family === family);
  const baseline = report.baselines.find((b) => b.family === family);
  const alerts = report.alerts.filter((a) => a.family === family);
  const rows = weeks.map((w) => ({
    week: w.week,
    label: formatWeek(w.week),
    alpha: w.alpha.value,
    band: w.alpha.low !== null && w.alpha.high !== null ? [w.alpha.low, w.alpha.high] : null,
    shift: w.labelShift,
    items: w.tasks,
  }));
  const threshold = report.settings.labelShiftThreshold;
  const shiftMax = Math.max(threshold * 1.6, ...rows.map((r) => r.shift ?? 0));
  const alphaMin = Math.min(0, ...rows.map((r) => r.band?.[0] ?? r.alpha ?? 1));
  const baselineWeeks = weeks.filter((w) => w.baseline);

  if (rows.length === 0) return <p className="text-sm text-zinc-500">No weeks with data yet.</p>;
  return (
    <figure aria-label="Agreement and label shift by week" data-testid="weekly-chart">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          data={rows}
          margin={{ top: 12, right: 8, bottom: 0, left: -8 }}
          onClick={(state) => {
            const row = rows[Number(state.activeTooltipIndex)];
            if (row) onPick(row.week);
          }}
          className="cursor-pointer"
        >
          <CartesianGrid vertical={false} stroke="#f4f4f5" />
          {baselineWeeks.length > 0 && (
            <ReferenceArea
              yAxisId="alpha"
              x1={formatWeek(baselineWeeks[0]!.week)}
              x2={formatWeek(baselineWeeks.at(-1)!.week)}
              fill="#f4f4f5"
              fillOpacity={0.8}
              label={{ value: 'baseline', position: 'insideTopLeft', fontSize: 10, fill: '#71717a' }}
            />
          )}
          <XAxis dataKey="label" tick={{ fontSize: 10, fill: '#71717a' }} tickLine={false} />
          <YAxis
            yAxisId="alpha"
            domain={[alphaMin, 1]}
            tick={{ fontSize: 10, fill: '#71717a' }}
            tickCount={6}
            tickFormatter={(v: number) => v.toFixed(1)}
          />
          <YAxis
            yAxisId="shift"
            orientation="right"
            domain={[0, shiftMax]}
            tick={{ fontSize: 10, fill: '#a1a1aa' }}
            tickFormatter={(v: number) => v.toFixed(2)}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ fontSize: 11, padding: '4px 8px' }}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${Number(value[0]).toFixed(2)} – ${Number(value[1]).toFixed(2)}`, name];
              return [value === null || value === undefined ? '—' : Number(value).toFixed(3), name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar
            yAxisId="shift"
            dataKey="shift"
            name="label shift (JS distance)"
            fill="#c4b5fd"
            barSize={18}
            isAnimationActive={false}
          />
          <ReferenceLine yAxisId="shift" y={threshold} stroke="#8b5cf6" strokeDasharray="4 3" />
          <Area
            yAxisId="alpha"
            dataKey="band"
            name="α 95 % interval"
            stroke="none"
            fill="#818cf8"
            fillOpacity={0.18}
            isAnimationActive={false}
          />
          <Line
            yAxisId="alpha"
            dataKey="alpha"
            name="α"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
          {baseline?.alpha !== null && baseline?.alpha !== undefined && (
            <ReferenceLine
              yAxisId="alpha"
              y={baseline.alpha}
              stroke="#4f46e5"
              strokeDasharray="2 4"
              label={{
                value: `baseline α ${baseline.alpha.toFixed(2)}`,
                position: 'insideBottomRight',
                fontSize: 10,
                fill: '#4f46e5',
              }}
            />
          )}
          {alerts.map((a) => {
            const row = rows.find((r) => r.week === a.week);
            const y = a.kind === 'agreement_drop' ? row?.alpha : row?.shift;
            if (!row || y === null || y === undefined) return null;
            return (
              <ReferenceDot
                key={`${a.kind}-${a.week}`}
                yAxisId={a.kind === 'agreement_drop' ? 'alpha' : 'shift'}
                x={row.label}
                y={y}
                r={6}
                fill="#dc2626"
                stroke="#fff"
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="text-[11px] text-zinc-500">
        Red dots are alerts: α below the baseline’s by more than {report.settings.agreementDropThreshold} with the whole interval
        below it, or a Jensen–Shannon distance of the week’s labels from the baseline’s above {threshold} (weeks with at least{' '}
        {report.settings.minWeeklyLabels} labels). Click a week for its items.
      </figcaption>
    </figure>
  );
}
