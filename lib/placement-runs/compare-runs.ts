import type { RunSummary } from './list-placement-runs';

export type ComparisonRow = {
  run: RunSummary;
  /** bytes; null when the run has no valid placement */
  cost: number | null;
  /** 1 − cost / noSharingCost */
  savingVsNoSharing: number | null;
  /** 1 − cost / cost of the kube-default run compared alongside */
  savingVsKube: number | null;
  /** the weighted total (bytes-equivalent) of a run whose weights are not bytes stored alone */
  weightedCost: number | null;
  /** (cost − lower bound) / cost: how far from proved optimal, at most; on the weighted total when there is one */
  gap: number | null;
};

const FINISHED_WITH_ANSWER = new Set(['optimal', 'feasible']);

/**
 * The comparison table: the latest finished run of each algorithm (or the runs given), with
 * what layer sharing saves against the paper's no-sharing baseline and against what a stock
 * Kubernetes scheduler would do.
 */
export function compareRuns(runs: RunSummary[]): ComparisonRow[] {
  const latest = new Map<string, RunSummary>();
  for (const run of runs) {
    if (run.status === 'queued' || run.status === 'running') continue;
    const seen = latest.get(run.algorithm);
    if (!seen || seen.createdAt < run.createdAt) latest.set(run.algorithm, run);
  }
  const chosen = [...latest.values()];
  const kube = chosen.find((r) => r.algorithm === 'kube-default' && FINISHED_WITH_ANSWER.has(r.status));
  const order = ['exact', 'relax', 'greedy', 'kube-default', 'no-sharing'];
  return chosen
    .sort((a, b) => order.indexOf(a.algorithm) - order.indexOf(b.algorithm))
    .map((run) => {
      // The no-sharing baseline's cost is defined whether or not private copies fit (spec).
      const cost = FINISHED_WITH_ANSWER.has(run.status) || run.algorithm === 'no-sharing' ? run.costBytes : null;
      const weightedCost = cost !== null && run.weighted ? run.weighted.cost : null;
      const [total, bound] = run.weighted ? [weightedCost, run.weighted.lowerBound] : [cost, run.lowerBoundBytes];
      return {
        run,
        cost,
        savingVsNoSharing: cost !== null && run.noSharingBytes ? 1 - cost / run.noSharingBytes : null,
        savingVsKube: cost !== null && kube?.costBytes && run.algorithm !== 'kube-default' ? 1 - cost / kube.costBytes : null,
        weightedCost,
        gap: total !== null && bound !== null && total > 0 ? Math.max(0, (total - bound) / total) : null,
      };
    });
}
