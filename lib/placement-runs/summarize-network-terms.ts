import { evaluate } from '@/lib/placement/evaluate';
import { computeStartupTimeline } from '@/lib/placement/terms/compute-startup-timeline';
import { computeTrafficCost } from '@/lib/placement/terms/compute-traffic-cost';
import type { Assignment, PlacementProblem, PlacementResult } from '@/lib/placement/types';
import { chartStartupTimeline, type StartupChart } from './chart-startup-timeline';
import { summarizeObjectiveTerms, type TermRow } from './summarize-objective-terms';
import { summarizeTrafficCost, type TrafficRow } from './summarize-traffic-cost';

export type NetworkTermsView =
  /** a version-1 problem: storage only, nothing of the network to show */
  | { kind: 'storage-only' }
  | {
      kind: 'network';
      terms: { rows: TermRow[]; total: number; startupSumSeconds: number | null; moveBytes: number | null };
      startup: { ok: true; chart: StartupChart } | { ok: false; empty: string };
      traffic: { ok: true; rows: TrafficRow[]; total: number } | { ok: false; empty: string };
    };

const ATTACH_REGISTRY = 'attach a registry to the topology (to a network node or an edge server) on the Architecture page, then start a new run';

/**
 * What a run's page shows of the network terms, computed from the stored problem and
 * placement with the engine's own term functions; the terms are the result's when it kept them.
 * A term the problem cannot measure gets the sentence that says what to do instead.
 */
export function summarizeNetworkTerms(problem: PlacementProblem, result: PlacementResult | null, assignment: Assignment, algorithm: string): NetworkTermsView {
  if (problem.version === 1) return { kind: 'storage-only' };
  // A no-sharing run keeps private copies, so it pulls (and starts) as such.
  const mode = algorithm === 'no-sharing' ? 'no-sharing' : 'sharing';
  const terms = result?.terms ?? evaluate(problem, assignment, mode).terms;

  const timeline = computeStartupTimeline(problem, assignment, mode);
  const startup: Extract<NetworkTermsView, { kind: 'network' }>['startup'] = timeline
    ? { ok: true, chart: chartStartupTimeline(problem, timeline) }
    : {
        ok: false,
        empty: problem.network
          ? `No registry is attached to the topology, so nothing says where layers are pulled from: ${ATTACH_REGISTRY} to see start-up times.`
          : `This run’s problem has no network section (its scenario had no links), so start-up times cannot be computed: connect the edge servers to network nodes and ${ATTACH_REGISTRY} to see them.`,
      };

  const traffic = computeTrafficCost(problem, assignment);
  const trafficView: Extract<NetworkTermsView, { kind: 'network' }>['traffic'] =
    traffic && traffic.dependencies.length > 0
      ? { ok: true, ...summarizeTrafficCost(traffic) }
      : {
          ok: false,
          empty: problem.network
            ? 'No service of this run calls another: connect the services that call each other on the Architecture page, with their traffic in Mbit/s, then start a new run to see the traffic cost.'
            : `Traffic cost needs the latencies of the network section: connect the edge servers to network nodes and ${ATTACH_REGISTRY} to see it.`,
        };

  return {
    kind: 'network',
    terms: { ...summarizeObjectiveTerms(problem, terms), startupSumSeconds: terms.startupSumSeconds, moveBytes: terms.moveBytes },
    startup,
    traffic: trafficView,
  };
}
