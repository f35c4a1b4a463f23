import { formatBytes, formatSeconds, formatTrafficCost } from '@/lib/format/format-units';
import { ALGORITHM_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { computeParetoFront } from './compute-pareto-front';
import { TRADEOFF_AXES, weightsOf, type TradeoffAxis, type TradeoffParams, type TradeoffPoint } from './experiment-schema';

/** One placement on a trade-off chart: storage in the chart's unit against the axis's term. */
export type TradeoffChartPoint = {
  weight: number;
  algorithm: string;
  algorithmLabel: string;
  /** in `storageUnit` */
  storage: number;
  storageBytes: number;
  /** seconds of start-up makespan, or Mbit/s·ms of traffic cost */
  term: number;
  onFront: boolean;
};

export type TradeoffAxisSummary = {
  axis: TradeoffAxis;
  title: string;
  /** "Start-up makespan", "Traffic cost" */
  termName: string;
  /** the name with its unit, for an axis */
  termLabel: string;
  termUnit: string;
  weightUnit: string;
  storageUnit: { label: string; bytes: number };
  /** every placement found with layer sharing */
  points: TradeoffChartPoint[];
  /** the points no other beats on both, by ascending storage */
  front: TradeoffChartPoint[];
  /** the no-sharing placement, when it was solved: the reference the front is read against */
  baseline: TradeoffChartPoint | null;
  takeaway: string;
};

const BASELINE = 'no-sharing';
const STORAGE_UNITS = [
  { label: 'KiB', bytes: 1024 },
  { label: 'MiB', bytes: 1024 ** 2 },
  { label: 'GiB', bytes: 1024 ** 3 },
  { label: 'TiB', bytes: 1024 ** 4 },
];

const AXIS_WORDS: Record<TradeoffAxis, { term: string; termName: string; termUnit: string; weightUnit: string; name: string; better: string; best: string; alsoBest: string }> = {
  startup: {
    term: 'start-up time',
    termName: 'Start-up makespan',
    termUnit: 's',
    weightUnit: 'MiB/s',
    name: 'start-up',
    better: 'also starts faster',
    best: 'the fastest start-up',
    alsoBest: 'also starts fastest, in',
  },
  traffic: {
    term: 'traffic cost',
    termName: 'Traffic cost',
    termUnit: 'Mbit/s·ms',
    weightUnit: 'MiB per Mbit/s·ms',
    name: 'traffic cost',
    better: 'also has a lower traffic cost',
    best: 'the lowest traffic cost',
    alsoBest: 'also has the lowest traffic cost,',
  },
};

/** "Trade-off sweep — storage against start-up time and traffic cost", naming the axes swept. */
export function titleTradeoff(axes: TradeoffAxis[]): string {
  const terms = (axes.length ? axes : TRADEOFF_AXES).map((axis) => AXIS_WORDS[axis].term);
  return `Trade-off sweep — storage against ${terms.join(' and ')}`;
}
export const formatWeight = (axis: TradeoffAxis, weight: number) => `${weight.toLocaleString('en-US', { maximumSignificantDigits: 6 })} ${AXIS_WORDS[axis].weightUnit}`;
const formatTerm = (axis: TradeoffAxis, value: number) => (axis === 'startup' ? formatSeconds(value) : formatTrafficCost(value));
const termOf = (axis: TradeoffAxis, p: TradeoffPoint) => (axis === 'startup' ? p.terms?.startupSeconds : p.terms?.trafficCost) ?? null;
const hasPlacement = (p: TradeoffPoint) => p.terms !== null && (p.status === 'optimal' || p.status === 'feasible');

/** A placement measured on both terms of one axis. */
type Measured = { point: TradeoffPoint; storage: number; term: number };

function measure(axis: TradeoffAxis, points: TradeoffPoint[]): Measured[] {
  return points
    .filter((p) => p.axis === axis && hasPlacement(p))
    .map((point) => ({ point, storage: point.terms!.storageBytes, term: termOf(axis, point) }))
    .filter((m): m is Measured => m.term !== null && Number.isFinite(m.term));
}

/** The placements with layer sharing on an axis's Pareto front: storage against the axis's term. */
export function findTradeoffFront(axis: TradeoffAxis, points: TradeoffPoint[]): TradeoffPoint[] {
  const sharing = measure(axis, points).filter((m) => m.point.algorithm !== BASELINE);
  return computeParetoFront(
    sharing,
    (m) => m.storage,
    (m) => m.term,
  ).map((m) => m.point);
}

/**
 * Charts and takeaways of a sweep, one per axis it swept. Points may be partial (a running or
 * cancelled sweep): everything here works on whatever has landed.
 */
export function summarizeTradeoff(params: TradeoffParams, points: TradeoffPoint[]): TradeoffAxisSummary[] {
  return TRADEOFF_AXES.filter((axis) => weightsOf(params, axis).length > 0).map((axis) => {
    const measured = measure(axis, points);
    const sharing = measured.filter((m) => m.point.algorithm !== BASELINE);
    const baseline = measured.find((m) => m.point.algorithm === BASELINE) ?? null;
    const largest = Math.max(0, ...measured.map((m) => m.storage));
    const storageUnit = STORAGE_UNITS.findLast((u) => largest >= u.bytes) ?? STORAGE_UNITS[0];
    const front = new Set(findTradeoffFront(axis, points));
    const chart = (m: Measured): TradeoffChartPoint => ({
      weight: m.point.weight,
      algorithm: m.point.algorithm,
      algorithmLabel: ALGORITHM_LABELS[m.point.algorithm as keyof typeof ALGORITHM_LABELS] ?? m.point.algorithm,
      storage: m.storage / storageUnit.bytes,
      storageBytes: m.storage,
      term: m.term,
      onFront: front.has(m.point),
    });
    const words = AXIS_WORDS[axis];
    return {
      axis,
      title: `Storage against ${words.term}`,
      termName: words.termName,
      termLabel: `${words.termName} (${words.termUnit})`,
      termUnit: words.termUnit,
      weightUnit: words.weightUnit,
      storageUnit,
      points: sharing.map(chart),
      front: sharing
        .filter((m) => front.has(m.point))
        .sort((a, b) => a.storage - b.storage || a.term - b.term)
        .map(chart),
      baseline: baseline ? chart(baseline) : null,
      takeaway: writeTradeoffTakeaway(axis, points),
    };
  });
}

// Terms are sums of floating-point products: two placements a rounding error apart are equal.
const below = (a: number, b: number) => a < b - 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every placement that stores less is no worse on the term; vacuous unless two differ in storage. */
function helpsBoth(set: Measured[]): { holds: boolean; meaningful: boolean } {
  let meaningful = false;
  for (const a of set) {
    for (const b of set) {
      if (!below(a.storage, b.storage)) continue;
      meaningful = true;
      if (below(b.term, a.term)) return { holds: false, meaningful };
    }
  }
  return { holds: true, meaningful };
}

/**
 * One sentence on where layer sharing helps storage and the other term together: up to which
 * weight every placement that stores less is also no worse on the term, and, past it, what the
 * best of the term costs in storage.
 */
export function writeTradeoffTakeaway(axis: TradeoffAxis, points: TradeoffPoint[]): string {
  const words = AXIS_WORDS[axis];
  const own = points.filter((p) => p.axis === axis);
  if (own.length === 0) return `No ${words.name} results yet: the first point appears when its first solve finishes.`;
  const measured = measure(axis, own);
  const sharing = measured.filter((m) => m.point.algorithm !== BASELINE);
  if (sharing.length === 0) {
    return own.some(hasPlacement)
      ? `No solve reported a ${words.name} figure: the problem lacks its network input; attach a registry to the topology and run the sweep again.`
      : 'No weight found a valid placement yet; try a longer time limit or another algorithm.';
  }

  const weights = [...new Set(sharing.map((m) => m.point.weight))].sort((a, b) => a - b);
  const range = weights.length === 1 ? formatWeight(axis, weights[0]) : `${weights[0].toLocaleString('en-US')}–${formatWeight(axis, weights.at(-1)!)}`;
  // The largest prefix of weights over which storing less never costs the term.
  let reach = -1;
  let meaningful = false;
  for (let k = 0; k < weights.length; k++) {
    const verdict = helpsBoth(sharing.filter((m) => m.point.weight <= weights[k]));
    if (!verdict.holds) break;
    reach = k;
    meaningful = verdict.meaningful;
  }

  const front = computeParetoFront(
    sharing,
    (m) => m.storage,
    (m) => m.term,
  );
  const least = front[0];
  const best = front.at(-1)!;
  if (reach === weights.length - 1) {
    const baseline = measured.find((m) => m.point.algorithm === BASELINE);
    const contrast = baseline ? `; without sharing it would be ${formatBytes(baseline.storage)} and ${formatTerm(axis, baseline.term)}` : '';
    return `Sharing helps both at every weight swept (${range}): the placement that stores least, ${formatBytes(least.storage)}, ${words.alsoBest} ${formatTerm(axis, least.term)}${contrast}.`;
  }
  const apart = `${words.best}, ${formatTerm(axis, best.term)}, needs ${formatBytes(best.storage)} against ${formatBytes(least.storage)} (at ${formatTerm(axis, least.term)}) for the least storage`;
  const limit = reach >= 0 ? formatWeight(axis, weights[reach + 1]) : '';
  if (reach >= 0 && meaningful) return `Below ${limit}, every placement that stores less ${words.better}; from there they pull apart: ${apart}.`;
  if (reach >= 1)
    return `Below ${limit}, every placement stores ${formatBytes(sharing.find((m) => m.point.weight <= weights[reach])!.storage)}; from there they pull apart: ${apart}.`;
  return `Storage and ${words.name} pull apart across the sweep (${range}): ${apart}.`;
}
