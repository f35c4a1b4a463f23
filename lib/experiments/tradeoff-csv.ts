import { formatCsvRecord } from '@/lib/exporters/format-csv-record';
import { TRADEOFF_AXES, type TradeoffPoint } from './experiment-schema';
import { findTradeoffFront } from './summarize-tradeoff';

const HEADER = [
  'axis',
  'weight_mib_per_unit',
  'algorithm',
  'status',
  'storage_bytes',
  'startup_makespan_s',
  'startup_sum_s',
  'traffic_cost_mbps_ms',
  'weighted_cost',
  'no_sharing_cost_bytes',
  'on_front',
  'elapsed_ms',
] as const;

/**
 * One row per solve of a trade-off sweep, raw units (bytes, seconds, Mbit/s·ms, milliseconds),
 * ordered by axis, weight and algorithm. `on_front` is 1 for a placement on its axis's Pareto
 * front (with layer sharing; no-sharing is the reference, never on it), else 0; empty without a
 * placement.
 */
export function tradeoffToCsv(points: TradeoffPoint[]): string {
  const onFront = new Set(TRADEOFF_AXES.flatMap((axis) => findTradeoffFront(axis, points)));
  const order = (p: TradeoffPoint) => TRADEOFF_AXES.indexOf(p.axis);
  const sorted = [...points].sort((a, b) => order(a) - order(b) || a.weight - b.weight || a.algorithm.localeCompare(b.algorithm));
  const rows = sorted.map((p) =>
    formatCsvRecord([
      p.axis,
      p.weight,
      p.algorithm,
      p.status,
      p.terms?.storageBytes,
      p.terms?.startupSeconds,
      p.terms?.startupSumSeconds,
      p.terms?.trafficCost,
      p.cost,
      p.noSharingCost,
      p.terms === null ? null : onFront.has(p) ? 1 : 0,
      Math.round(p.elapsedMs),
    ]),
  );
  return formatCsvRecord([...HEADER]) + rows.join('');
}
