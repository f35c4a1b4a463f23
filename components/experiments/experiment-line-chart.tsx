'use client';

import { useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow, ChartSeries } from '@/lib/experiments/summarize-experiment';
import { ExportPngButton } from './export-png-button';

const COLOURS: Record<string, string> = {
  exact: '#7c3aed',
  relax: '#059669',
  greedy: '#2563eb',
  'kube-default': '#d97706',
  'no-sharing': '#64748b',
};

const trimNumber = (value: number, digits: number) => value.toLocaleString('en-US', { maximumSignificantDigits: digits });

/**
 * One figure of the paper: a line per series over x, with units on both axes. The baseline is
 * dashed so it reads as a reference, not a competitor. `log` puts y on whole decades.
 */
export function ExperimentLineChart({
  testId,
  title,
  xLabel,
  yLabel,
  yUnit,
  series,
  rows,
  log,
  layered,
  fileName,
}: {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  yUnit: string;
  series: ChartSeries[];
  rows: ChartRow[];
  log?: { domain: [number, number] } | null;
  /** Algorithms that reach the same cost draw on top of each other; wider lines underneath keep each visible. */
  layered?: boolean;
  fileName: string;
}) {
  const figure = useRef<HTMLElement>(null);
  const xs = rows.map((r) => r.x);
  const decades = log ? decadesBetween(log.domain) : undefined;
  return (
    <figure ref={figure} data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-800">{title}</figcaption>
        <div data-export-ignore="">
          <ExportPngButton target={figure} fileName={fileName} label={`Download PNG of ${title}`} />
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="py-16 text-center text-sm text-slate-500">The lines appear as soon as the first points are solved.</p>
      ) : (
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={xs.length > 1 ? ['dataMin', 'dataMax'] : [xs[0] * 0.5, xs[0] * 1.5]}
              ticks={xs}
              tickFormatter={(v: number) => trimNumber(v, 4)}
              label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              width={70}
              {...(log && decades ? { scale: 'log' as const, domain: log.domain, ticks: decades, allowDataOverflow: true } : { domain: [0, 'auto'] as [number, 'auto'] })}
              tickFormatter={(v: number) => trimNumber(v, 3)}
              label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
            />
            <Tooltip
              labelFormatter={(x) => `${xLabel}: ${trimNumber(Number(x), 4)}`}
              formatter={(value) => (value === null || value === undefined ? '—' : `${trimNumber(Number(value), 4)} ${yUnit}`)}
            />
            <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
            {series.map((s, index) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={COLOURS[s.key] ?? '#0f172a'}
                strokeWidth={layered ? 2 + 2 * (series.length - 1 - index) : 2}
                strokeOpacity={layered && index !== series.length - 1 ? 0.7 : 1}
                strokeDasharray={s.key === 'no-sharing' ? '6 4' : undefined}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

function decadesBetween([low, high]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.round(Math.log10(low)); exponent <= Math.round(Math.log10(high)); exponent += 1) ticks.push(10 ** exponent);
  return ticks;
}
