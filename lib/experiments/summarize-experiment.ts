import { formatBytes, formatPercent } from '@/lib/format/format-units';
import { ALGORITHM_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import type { ExperimentPoint } from './experiment-schema';

export type FigureKind = 'containers' | 'capacity';
type AlgorithmKey = keyof typeof ALGORITHM_LABELS;

export type ChartSeries = { key: string; label: string };
/** One x position of a chart: `x` plus one value per series key (null where there is no value). */
export type ChartRow = { x: number } & Record<string, number | null>;

export type ExperimentSummary = {
  title: string;
  xLabel: string;
  /** Storage cost in GiB per algorithm, and the no-sharing baseline as its own series. */
  cost: { series: ChartSeries[]; rows: ChartRow[] };
  /** Solve time in seconds per algorithm (never 0, so it can go on a log axis). */
  runtime: { series: ChartSeries[]; rows: ChartRow[]; domain: [number, number] | null };
  takeaway: string;
};

const GIB = 1024 ** 3;
/** The fastest solves report 0 ms; a log axis needs a floor. */
const MIN_RUNTIME_SEC = 0.001;
const BASELINE = 'no-sharing';
const ORDER: AlgorithmKey[] = ['exact', 'relax', 'greedy', 'kube-default', 'no-sharing'];

const hasPlacement = (p: ExperimentPoint) => p.cost !== null && (p.status === 'optimal' || p.status === 'feasible');
const labelOf = (algorithm: string) => ALGORITHM_LABELS[algorithm as AlgorithmKey] ?? algorithm;
const SHORT_LABELS: Record<string, string> = { exact: 'the exact ILP', relax: 'the relaxation', greedy: 'greedy', 'kube-default': 'the Kubernetes default scheduler' };
const shortLabel = (algorithm: string) => SHORT_LABELS[algorithm] ?? algorithm;
export const formatX = (figure: FigureKind, x: number) => (figure === 'containers' ? `${x} containers` : `capacity ×${x}`);

function figureTitle(figure: FigureKind): string {
  return figure === 'containers' ? 'Fig. 4 — Storage cost vs number of containers' : 'Fig. 5 — Storage cost vs edge server capacity';
}

/**
 * Turns an experiment's stored points into chart series and one sentence a stakeholder can read
 * without the paper. Points may be partial (a running or cancelled experiment): every function
 * here works on whatever has landed.
 */
export function summarizeExperiment(figure: FigureKind, algorithms: string[], points: ExperimentPoint[]): ExperimentSummary {
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const chosen = ORDER.filter((a) => algorithms.includes(a));
  const solvers = chosen.filter((a) => a !== BASELINE);

  // The no-sharing cost is defined at every point whatever was solved, so the baseline is always drawn.
  const costSeries: ChartSeries[] = [...solvers.map((a) => ({ key: a, label: labelOf(a) })), { key: BASELINE, label: labelOf(BASELINE) }];
  const costRows = xs.map((x) => {
    const here = points.filter((p) => p.x === x);
    const row: ChartRow = { x };
    for (const a of solvers) {
      const point = here.find((p) => p.algorithm === a);
      row[a] = point && hasPlacement(point) ? point.cost! / GIB : null;
    }
    row[BASELINE] = here.length ? here[0].noSharingCost / GIB : null;
    return row;
  });

  const runtimeSeries = chosen.map((a) => ({ key: a, label: labelOf(a) }));
  const seconds: number[] = [];
  const runtimeRows = xs.map((x) => {
    const row: ChartRow = { x };
    for (const a of chosen) {
      const point = points.find((p) => p.x === x && p.algorithm === a);
      const value = point ? Math.max(MIN_RUNTIME_SEC, point.elapsedMs / 1000) : null;
      row[a] = value;
      if (value !== null) seconds.push(value);
    }
    return row;
  });
  const domain: [number, number] | null = seconds.length ? [10 ** Math.floor(Math.log10(Math.min(...seconds))), 10 ** Math.ceil(Math.log10(Math.max(...seconds)))] : null;
  if (domain && domain[0] === domain[1]) domain[1] = domain[0] * 10;

  return {
    title: figureTitle(figure),
    xLabel: figure === 'containers' ? 'Number of containers' : 'Capacity multiplier (× each edge server’s base capacity)',
    cost: { series: costSeries, rows: costRows },
    runtime: { series: runtimeSeries, rows: runtimeRows, domain },
    takeaway: writeTakeaway(figure, points),
  };
}

/** The best placement found at one x (any algorithm with sharing), against the no-sharing cost. */
function savingAt(points: ExperimentPoint[], x: number) {
  const candidates = points.filter((p) => p.x === x && p.algorithm !== BASELINE && hasPlacement(p));
  if (candidates.length === 0) return null;
  const best = candidates.reduce((a, b) => (b.cost! < a.cost! ? b : a));
  const baseline = best.noSharingCost;
  const kube = candidates.find((p) => p.algorithm === 'kube-default');
  return { x, best, saving: baseline > 0 ? 1 - best.cost! / baseline : 0, kube };
}

export function writeTakeaway(figure: FigureKind, points: ExperimentPoint[]): string {
  if (points.length === 0) return 'No results yet: the first point appears when its first solve finishes.';
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const savings = xs.map((x) => savingAt(points, x)).filter((s) => s !== null);
  if (savings.length === 0) {
    return figure === 'containers'
      ? 'No algorithm found a valid placement at any size yet; try more edge servers or fewer containers.'
      : 'No algorithm found a valid placement at any capacity yet; try larger capacity multipliers.';
  }
  const last = savings.at(-1)!;
  const first = savings[0];
  const contrast = savings.length > 1 && Math.abs(last.saving - first.saving) >= 0.005 ? ` (${formatPercent(first.saving, 0)} at ${formatX(figure, first.x)})` : '';
  let sentence =
    `Layer sharing saves ${formatPercent(last.saving, 0)} of storage at ${formatX(figure, last.x)}${contrast}: ` +
    `${shortLabel(last.best.algorithm)} needs ${formatBytes(last.best.cost)} against ${formatBytes(last.best.noSharingCost)} without sharing`;
  if (last.kube && last.kube !== last.best && last.kube.cost! > 0) {
    sentence += `, ${formatPercent(1 - last.best.cost! / last.kube.cost!, 0)} less than the Kubernetes default scheduler`;
  }
  return `${sentence}.`;
}
