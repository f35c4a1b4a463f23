import type { DependencyTraffic, TrafficCost } from '@/lib/placement/terms/compute-traffic-cost';

/** A dependency's row: its traffic, mean latency and cost, and its share of the total cost. */
export type TrafficRow = DependencyTraffic & { share: number | null };

/** The traffic cost per dependency, costliest first; a share is null when the total is 0. */
export function summarizeTrafficCost(traffic: TrafficCost): { rows: TrafficRow[]; total: number } {
  const rows = traffic.dependencies
    .map((d) => ({ ...d, share: traffic.total > 0 ? d.cost / traffic.total : null }))
    .sort((a, b) => b.cost - a.cost || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { rows, total: traffic.total };
}
