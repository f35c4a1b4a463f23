'use client';

import { DataTable } from '@/components/ui/data-table';
import type { ExperimentPoint } from '@/lib/experiments/experiment-schema';
import { formatX, type ExperimentSummary, type FigureKind } from '@/lib/experiments/summarize-experiment';
import { formatBytes, formatMs, formatPercent } from '@/lib/format/format-units';
import { ALGORITHM_LABELS, RUN_STATUS_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { ExperimentLineChart } from './experiment-line-chart';

/** One of the paper's figures: storage cost and solve time against x, and every solved point. */
export function FigureCharts({ figure, summary, points, stem }: { figure: FigureKind; summary: ExperimentSummary; points: ExperimentPoint[]; stem: string }) {
  const xWord = figure === 'containers' ? 'number of containers' : 'capacity multiplier';
  return (
    <>
      <div className="grid gap-4 xl:grid-cols-2">
        <ExperimentLineChart
          testId="cost-chart"
          title={`Storage needed for container images vs ${xWord}`}
          xLabel={summary.xLabel}
          yLabel="Storage cost (GiB)"
          yUnit="GiB"
          series={summary.cost.series}
          rows={summary.cost.rows}
          layered
          fileName={`${stem}-storage-cost.png`}
        />
        <ExperimentLineChart
          testId="runtime-chart"
          title={`Solve time vs ${xWord} (log scale)`}
          xLabel={summary.xLabel}
          yLabel="Solve time (s, log scale)"
          yUnit="s"
          series={summary.runtime.series}
          rows={summary.runtime.rows}
          log={summary.runtime.domain ? { domain: summary.runtime.domain } : null}
          fileName={`${stem}-solve-time.png`}
        />
      </div>

      {points.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Every solved point ({points.length})</summary>
          <div className="mt-3">
            <DataTable
              caption="Solved points of the experiment"
              rows={points}
              rowKey={(p) => `${p.x}-${p.algorithm}`}
              columns={[
                { header: figure === 'containers' ? 'Containers' : 'Capacity', cell: (p) => formatX(figure, p.x), align: 'right' },
                { header: 'Algorithm', cell: (p) => ALGORITHM_LABELS[p.algorithm as keyof typeof ALGORITHM_LABELS] ?? p.algorithm },
                { header: 'Status', cell: (p) => RUN_STATUS_LABELS[p.status] ?? p.status },
                { header: 'Cost', cell: (p) => formatBytes(p.cost), align: 'right' },
                { header: 'Without sharing', cell: (p) => formatBytes(p.noSharingCost), align: 'right' },
                { header: 'Saving', cell: (p) => (p.cost !== null && p.noSharingCost > 0 ? formatPercent(1 - p.cost / p.noSharingCost, 0) : '—'), align: 'right' },
                { header: 'Time', cell: (p) => formatMs(p.elapsedMs), align: 'right' },
              ]}
            />
          </div>
        </details>
      )}
    </>
  );
}
