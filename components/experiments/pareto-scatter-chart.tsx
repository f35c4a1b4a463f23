'use client';

import { useRef } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TradeoffAxisSummary, TradeoffChartPoint } from '@/lib/experiments/summarize-tradeoff';
import { formatWeight } from '@/lib/experiments/summarize-tradeoff';
import { ExportPngButton } from './export-png-button';

const trimNumber = (value: number, digits: number) => value.toLocaleString('en-US', { maximumSignificantDigits: digits });

/**
 * Storage against one other term, a dot per placement found: the Pareto front (the placements
 * no other beats on both) drawn joined and coloured, the rest grey, and the no-sharing placement
 * as a diamond to read the front against. Recharts' accessibility layer lets the arrow keys walk
 * the points with the tooltip; the table below the charts has the same figures.
 */
export function ParetoScatterChart({ summary, fileName }: { summary: TradeoffAxisSummary; fileName: string }) {
  const figure = useRef<HTMLElement>(null);
  const unit = summary.storageUnit.label;
  const others = summary.points.filter((p) => !p.onFront);
  return (
    <figure ref={figure} data-testid={`tradeoff-chart-${summary.axis}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-800">
          {summary.title}
          <span className="block text-xs font-normal text-slate-600">Each dot is a placement found; lower and further left is better on both.</span>
        </figcaption>
        <div data-export-ignore="">
          <ExportPngButton target={figure} fileName={fileName} label={`Download PNG of ${summary.title}`} />
        </div>
      </div>
      {summary.points.length === 0 ? (
        <p className="py-16 text-center text-sm text-slate-500">The points appear as soon as the first weights are solved.</p>
      ) : (
        <ResponsiveContainer width="100%" height={340}>
          <ScatterChart accessibilityLayer margin={{ top: 8, right: 24, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="storage"
              name="Storage"
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => trimNumber(v, 4)}
              label={{ value: `Storage (${unit})`, position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              type="number"
              dataKey="term"
              name={summary.termLabel}
              width={80}
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => trimNumber(v, 4)}
              label={{ value: summary.termLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
            />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => (active && payload?.[0] ? <PointTooltip point={payload[0].payload as TradeoffChartPoint} summary={summary} /> : null)}
            />
            <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
            <Scatter name="Other placements" data={others} fill="#94a3b8" isAnimationActive={false} />
            <Scatter name="Pareto front" data={summary.front} fill="#2563eb" line={{ stroke: '#2563eb', strokeWidth: 2 }} lineType="joint" isAnimationActive={false} />
            {summary.baseline && <Scatter name="Without sharing" data={[summary.baseline]} fill="#0f172a" shape="diamond" isAnimationActive={false} />}
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

function PointTooltip({ point, summary }: { point: TradeoffChartPoint; summary: TradeoffAxisSummary }) {
  return (
    <div className="rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-medium">{point.algorithmLabel}</p>
      <p>weight {formatWeight(summary.axis, point.weight)}</p>
      <p>
        storage {trimNumber(point.storage, 4)} {summary.storageUnit.label}
      </p>
      <p>
        {summary.termName.toLowerCase()} {trimNumber(point.term, 4)} {summary.termUnit}
      </p>
      {point.onFront && <p className="text-blue-700">on the Pareto front</p>}
    </div>
  );
}
