import type { Assignment, PlacementProblem } from '../types';
import { layersHeldBefore } from './compute-startup-timeline';

export type Move = {
  container: string;
  /** where the current placement runs it (possibly a server no longer in the problem) */
  from: string;
  to: string;
};

export type MoveSummary = {
  moves: Move[];
  /** bytes the receiving servers pull for the moved replicas, each layer once per server */
  moveBytes: number;
  /** moveBytes + movePenaltyBytes × moves */
  cost: number;
};

/**
 * What a new placement changes against the current one (docs/placement-format.md, "Moves"). A
 * replica moves when the current placement runs it on another server, a server that is gone
 * included; a replica the current placement lacks (a scale-up) is new, not moved. Null when the
 * problem has no current placement.
 */
export function computeMoves(problem: PlacementProblem, assignment: Assignment): MoveSummary | null {
  const current = problem.current;
  if (!current) return null;
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const held = layersHeldBefore(problem);
  const moves: Move[] = [];
  const pulled = new Map<string, Set<string>>();
  for (const c of problem.containers) {
    if (!Object.hasOwn(current.assignment, c.id) || !Object.hasOwn(assignment, c.id)) continue;
    const from = current.assignment[c.id];
    const to = assignment[c.id];
    if (from === to) continue;
    moves.push({ container: c.id, from, to });
    if (!pulled.has(to)) pulled.set(to, new Set());
    const before = held.get(to);
    for (const d of c.layers) if (!before?.has(d)) pulled.get(to)!.add(d);
  }
  let moveBytes = 0;
  for (const digests of pulled.values()) for (const d of digests) moveBytes += size.get(d) ?? 0;
  return { moves, moveBytes, cost: moveBytes + current.movePenaltyBytes * moves.length };
}
