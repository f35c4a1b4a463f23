import { formatCsvCell } from '@/lib/exporters/format-csv-record';
import type { ExperimentPoint } from './experiment-schema';

const HEADER = [
  'figure',
  'x',
  'containers',
  'capacity_multiplier',
  'algorithm',
  'status',
  'cost_bytes',
  'lower_bound_bytes',
  'no_sharing_cost_bytes',
  'saving_vs_no_sharing',
  'elapsed_ms',
] as const;

/** One row per solved point, raw units (bytes, milliseconds) so the numbers can be re-plotted
 * exactly; the saving is a fraction of the no-sharing cost (0.38 = 38 %). */
export function experimentToCsv(figure: 'containers' | 'capacity', points: ExperimentPoint[]): string {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.algorithm.localeCompare(b.algorithm));
  const lines = sorted.map((p) => {
    const saving = p.cost !== null && p.noSharingCost > 0 ? Number((1 - p.cost / p.noSharingCost).toFixed(6)) : null;
    return [figure, p.x, p.containers, p.capacityScale, p.algorithm, p.status, p.cost, p.lowerBound, p.noSharingCost, saving, Math.round(p.elapsedMs)].map(formatCsvCell).join(',');
  });
  return `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
