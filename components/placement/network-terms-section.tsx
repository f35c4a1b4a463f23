import { formatBytes, formatCount, formatMbps, formatMs, formatPercent, formatSeconds, formatTrafficCost } from '@/lib/format/format-units';
import type { StartupChart } from '@/lib/placement-runs/chart-startup-timeline';
import type { NetworkTermsView } from '@/lib/placement-runs/summarize-network-terms';
import type { TermRow } from '@/lib/placement-runs/summarize-objective-terms';
import type { TrafficRow } from '@/lib/placement-runs/summarize-traffic-cost';
import { serviceColour } from './service-colours';
import { StartupTimelineChart } from './startup-timeline-chart';

type NetworkView = Extract<NetworkTermsView, { kind: 'network' }>;

const TERM_NAMES: Record<TermRow['term'], string> = { storage: 'Storage', startup: 'Start-up makespan', traffic: 'Traffic cost', moves: 'Moves' };

const th = 'px-3 py-2';
const td = 'px-3 py-2';
const num = 'px-3 py-2 text-right tabular-nums';

/** Each weight in the unit that makes it an exchange rate into bytes. */
function formatWeight(row: TermRow): string {
  if (row.weight === 0) return '0 (not weighed)';
  switch (row.term) {
    case 'storage':
    case 'moves':
      return `× ${row.weight.toLocaleString('en-US', { maximumSignificantDigits: 6 })}`;
    case 'startup':
      return `${formatBytes(row.weight)} per s`;
    case 'traffic':
      return `${formatBytes(row.weight)} per Mbit/s·ms`;
  }
}

function formatTermValue(row: TermRow, view: NetworkView): string {
  if (row.value === null) return '— (not measured)';
  switch (row.term) {
    case 'storage':
      return formatBytes(row.value);
    case 'startup':
      return `${formatSeconds(row.value)} (sum of ready times ${formatSeconds(view.terms.startupSumSeconds)})`;
    case 'traffic':
      return formatTrafficCost(row.value);
    case 'moves':
      return `${formatCount(row.value, 'move')}, ${formatBytes(view.terms.moveBytes)} pulled`;
  }
}

/**
 * What the network makes of a run's placement: its objective terms beside the weighted total,
 * the start-up timeline per edge server, and the traffic cost per dependency. For a storage-only
 * (version 1) problem, one line on how to get them.
 */
export function NetworkTermsSection({ view }: { view: NetworkTermsView }) {
  if (view.kind === 'storage-only') {
    return (
      <p className="mb-8 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600" data-testid="network-terms-empty">
        Start-up time and traffic cost: this run solved a storage-only problem (format version 1). Attach a registry to the topology on the Architecture page, then start a new run
        to see when each container is ready and what the traffic between services costs.
      </p>
    );
  }
  return (
    <>
      <ObjectiveTerms view={view} />
      <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="startup-heading">
        <h2 id="startup-heading" className="text-sm font-semibold text-slate-700">
          Start-up time per edge server
        </h2>
        {view.startup.ok ? <StartupTimeline chart={view.startup.chart} /> : <Empty testId="startup-empty">{view.startup.empty}</Empty>}
      </section>
      <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="traffic-heading">
        <h2 id="traffic-heading" className="text-sm font-semibold text-slate-700">
          Traffic cost per dependency
        </h2>
        {view.traffic.ok ? <TrafficTable rows={view.traffic.rows} total={view.traffic.total} /> : <Empty testId="traffic-empty">{view.traffic.empty}</Empty>}
      </section>
    </>
  );
}

function Empty({ testId, children }: { testId: string; children: string }) {
  return (
    <p className="mt-2 rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600" data-testid={testId}>
      {children}
    </p>
  );
}

function ObjectiveTerms({ view }: { view: NetworkView }) {
  return (
    <section className="mb-8" aria-labelledby="terms-heading">
      <h2 id="terms-heading" className="mb-2 text-sm font-semibold text-slate-700">
        Objective terms and the weighted total
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="objective-terms">
          <caption className="sr-only">Each term of the objective, its weight, and its part of the weighted total</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className={th}>
                Term
              </th>
              <th scope="col" className={th}>
                Value
              </th>
              <th scope="col" className={`${th} text-right`}>
                Weight
              </th>
              <th scope="col" className={`${th} text-right`}>
                Weighted (bytes-equivalent)
              </th>
              <th scope="col" className={`${th} text-right`}>
                Share of the total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.terms.rows.map((row) => (
              <tr key={row.term} data-term={row.term}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {TERM_NAMES[row.term]}
                </th>
                <td className={`${td} tabular-nums`}>{formatTermValue(row, view)}</td>
                <td className={num}>{formatWeight(row)}</td>
                <td className={num}>{formatBytes(row.weighted)}</td>
                <td className={num}>{row.share === null ? '—' : formatPercent(row.share)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr data-term="total">
              <th scope="row" className={`${td} text-left`} colSpan={3}>
                Weighted total (the run’s cost)
              </th>
              <td className={num}>{formatBytes(view.terms.total)}</td>
              <td className={num}>{view.terms.total > 0 ? '100 %' : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function StartupTimeline({ chart }: { chart: StartupChart }) {
  const last = chart.last;
  return (
    <>
      <p className="mt-1 mb-3 text-sm text-slate-700" data-testid="startup-summary">
        Makespan <strong>{formatSeconds(chart.makespanSeconds)}</strong>
        {last ? ` (${last.container} on ${last.server} is ready last)` : ''}; the ready times of the{' '}
        {formatCount(
          chart.rows.reduce((n, r) => n + r.ready.length, 0),
          'container',
        )}{' '}
        sum to <strong>{formatSeconds(chart.sumSeconds)}</strong>. Each edge server pulls the layers it lacks once, one after another, from the registry it reaches soonest.
      </p>
      <StartupTimelineChart chart={chart} describedBy="startup-table-caption" />
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-sm" data-testid="startup-table">
          <caption id="startup-table-caption" className="sr-only">
            Start-up per edge server: the registry and path it pulls over, what it pulls, and when each container is ready
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className={th}>
                Edge server
              </th>
              <th scope="col" className={th}>
                Registry
              </th>
              <th scope="col" className={`${th} text-right`}>
                Path bandwidth
              </th>
              <th scope="col" className={`${th} text-right`}>
                Path latency
              </th>
              <th scope="col" className={`${th} text-right`}>
                Pulled
              </th>
              <th scope="col" className={th}>
                Containers ready at
              </th>
              <th scope="col" className={`${th} text-right`}>
                Last ready
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {chart.rows.map((row) => (
              <tr key={row.server} data-server={row.server}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {row.server}
                </th>
                <td className={td}>{row.registry ?? (row.unreachable ? 'none reachable: the placement is invalid here' : '— (pulls nothing)')}</td>
                <td className={num}>{row.bandwidthMbps === null ? '—' : formatMbps(row.bandwidthMbps)}</td>
                <td className={num}>{row.latencyMs === null ? '—' : formatMs(row.latencyMs)}</td>
                <td className={num}>
                  {formatBytes(row.pullBytes)} in {formatCount(row.segments.length, 'layer')}
                </td>
                <td className={td}>
                  <ul>
                    {row.ready.map((r) => (
                      <li key={r.container}>
                        <span className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ background: serviceColour(r.colour) }} aria-hidden />
                        {r.container}: {formatSeconds(r.seconds)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={num}>{formatSeconds(row.makespanSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TrafficTable({ rows, total }: { rows: TrafficRow[]; total: number }) {
  return (
    <>
      <p className="mt-1 mb-3 text-sm text-slate-700">
        Each dependency’s traffic is split evenly over every pair of caller and callee replicas; its cost is the traffic times the mean path latency between them (0 ms on the same
        edge server), through the VNFs of its service chain.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-sm" data-testid="traffic-table">
          <caption className="sr-only">Traffic cost per dependency between services</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className={th}>
                From → to
              </th>
              <th scope="col" className={`${th} text-right`}>
                Traffic
              </th>
              <th scope="col" className={`${th} text-right`}>
                Mean latency
              </th>
              <th scope="col" className={`${th} text-right`}>
                Cost
              </th>
              <th scope="col" className={th}>
                Share of the total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={`${row.from}→${row.to}`} data-dependency={`${row.from}→${row.to}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {row.from} → {row.to}
                  {row.unreachablePairs > 0 && (
                    <span className="ml-2 text-xs font-normal text-red-700">
                      {row.unreachablePairs} of {formatCount(row.pairs, 'replica pair')} have no path
                    </span>
                  )}
                </th>
                <td className={num}>{formatMbps(row.trafficMbps)}</td>
                <td className={num}>{formatMs(row.meanLatencyMs)}</td>
                <td className={num}>{formatTrafficCost(row.cost)}</td>
                <td className={td}>
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-24 rounded bg-slate-100" aria-hidden>
                      <div className="h-2 rounded bg-blue-600" style={{ width: `${((row.share ?? 0) * 100).toFixed(1)}%` }} />
                    </div>
                    <span className="tabular-nums">{row.share === null ? '—' : formatPercent(row.share)}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr>
              <th scope="row" className={`${td} text-left`} colSpan={3}>
                Total
              </th>
              <td className={num} data-testid="traffic-total">
                {formatTrafficCost(total)}
              </td>
              <td className={td}>{total > 0 ? '100 %' : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
