import { computeMoves } from '@/lib/placement/terms/compute-moves';
import { layersHeldBefore } from '@/lib/placement/terms/compute-startup-timeline';
import type { Assignment, PlacementProblem } from '@/lib/placement/types';

export type DescribedMove = {
  container: string;
  from: string;
  /** the server it was on is no longer in the scenario */
  fromRemoved: boolean;
  to: string;
  /** bytes its new server pulls for it: layers the server did not hold and no earlier move brought */
  pulledBytes: number;
};

export type MovesReport = {
  moves: DescribedMove[];
  /** replicas the current placement does not run (a service scaled up or added) */
  placedAnew: string[];
  /** replicas that stay where they are */
  kept: number;
  /** Σ pulledBytes: the engine's moveBytes */
  moveBytes: number;
  movePenaltyBytes: number;
  /** moveBytes + movePenaltyBytes × moves: the moves term before its weight */
  term: number;
};

/**
 * What a re-plan changes against the placement in force, move by move, for people to read before
 * Apply. The engine's computeMoves decides which replicas moved and what they pull in all; this
 * splits the pulled bytes among the moves in the engine's order, each layer counted for the first
 * move that brings it to a server, so the parts add up to its moveBytes. Null without a current
 * placement (not a re-plan).
 */
export function describeMoves(problem: PlacementProblem, assignment: Assignment): MovesReport | null {
  const summary = computeMoves(problem, assignment);
  if (!summary || !problem.current) return null;
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const layersOf = new Map(problem.containers.map((c) => [c.id, c.layers]));
  const servers = new Set(problem.servers.map((s) => s.id));
  const held = layersHeldBefore(problem);
  const brought = new Map<string, Set<string>>();
  const moves = summary.moves.map((m): DescribedMove => {
    const before = held.get(m.to) ?? new Set<string>();
    let got = brought.get(m.to);
    if (!got) brought.set(m.to, (got = new Set()));
    let pulledBytes = 0;
    for (const d of new Set(layersOf.get(m.container) ?? [])) {
      if (before.has(d) || got.has(d)) continue;
      got.add(d);
      pulledBytes += size.get(d) ?? 0;
    }
    return { container: m.container, from: m.from, fromRemoved: !servers.has(m.from), to: m.to, pulledBytes };
  });
  const current = problem.current.assignment;
  const placedAnew = problem.containers.filter((c) => Object.hasOwn(assignment, c.id) && !Object.hasOwn(current, c.id)).map((c) => c.id);
  return {
    moves,
    placedAnew,
    kept: problem.containers.length - moves.length - placedAnew.length,
    moveBytes: summary.moveBytes,
    movePenaltyBytes: problem.current.movePenaltyBytes,
    term: summary.cost,
  };
}
