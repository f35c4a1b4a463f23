'use client';

import { DataTable } from '@/components/ui/data-table';
import type { TradeoffPoint } from '@/lib/experiments/experiment-schema';
import { findTradeoffFront, formatWeight, type TradeoffAxisSummary } from '@/lib/experiments/summarize-tradeoff';
import { formatBytes, formatMs, formatSeconds, formatTrafficCost } from '@/lib/format/format-units';
import { ALGORITHM_LABELS, RUN_STATUS_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { ParetoScatterChart } from './pareto-scatter-chart';

const AXIS_NAMES = { startup: 'Start-up time', traffic: 'Traffic cost' } as const;

/** A trade-off sweep: one scatter per term swept, and every solve with its terms. */
export function TradeoffCharts({ summaries, points, stem }: { summaries: TradeoffAxisSummary[]; points: TradeoffPoint[]; stem: string }) {
  const onFront = new Set(summaries.flatMap((s) => findTradeoffFront(s.axis, points)));
  return (
    <>
      <div className="grid gap-4 xl:grid-cols-2">
        {summaries.map((summary) => (
          <ParetoScatterChart key={summary.axis} summary={summary} fileName={`${stem}-${summary.axis}.png`} />
        ))}
      </div>

      {points.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Every solve ({points.length})</summary>
          <div className="mt-3">
            <DataTable
              caption="Solves of the trade-off sweep"
              rows={points}
              rowKey={(p) => `${p.axis}-${p.weight}-${p.algorithm}`}
              columns={[
                { header: 'Against', cell: (p) => AXIS_NAMES[p.axis] },
                { header: 'Weight', cell: (p) => formatWeight(p.axis, p.weight), align: 'right' },
                { header: 'Algorithm', cell: (p) => ALGORITHM_LABELS[p.algorithm as keyof typeof ALGORITHM_LABELS] ?? p.algorithm },
                { header: 'Status', cell: (p) => RUN_STATUS_LABELS[p.status] ?? p.status },
                { header: 'Storage', cell: (p) => formatBytes(p.terms?.storageBytes), align: 'right' },
                { header: 'Start-up makespan', cell: (p) => formatSeconds(p.terms?.startupSeconds), align: 'right' },
                { header: 'Traffic cost', cell: (p) => formatTrafficCost(p.terms?.trafficCost), align: 'right' },
                { header: 'On the front', cell: (p) => (onFront.has(p) ? 'yes' : p.terms ? 'no' : '—') },
                { header: 'Time', cell: (p) => formatMs(p.elapsedMs), align: 'right' },
              ]}
            />
          </div>
        </details>
      )}
    </>
  );
}
