import { evaluate, placedOn, type Violation } from '@/lib/placement/evaluate';
import type { Assignment, PlacementProblem } from '@/lib/placement/types';

type LayerOrigin = 'cached' | 'shared' | 'new';

export type PlacementExplanation = {
  container: string;
  edgeServer: string;
  /** each of the container's layers on its server: already cached, brought by another container there, or new bytes */
  layers: { digest: string; size: number; origin: LayerOrigin; sharedWith: string[] }[];
  newBytes: number;
  /** every other edge server: what moving the container there would break, or cost */
  alternatives: { edgeServer: string; feasible: boolean; reasons: string[]; costDelta: number }[];
};

const RULE_WORDS: Partial<Record<Violation['rule'], string>> = {
  cpu: 'not enough CPU',
  memory: 'not enough memory',
  bandwidth: 'not enough bandwidth',
  storage: 'not enough storage for its layers',
  arch: 'wrong CPU architecture',
  accelerator: 'lacks the accelerator it needs',
  'anti-affinity': 'would break an anti-affinity policy',
  affinity: 'would break an affinity policy',
  pin: 'not among the servers it is pinned to',
  spread: 'would break a spread-across-sites policy',
  'max-utilisation': 'would exceed a utilisation cap',
};

/**
 * Why a replica sits where it does: which of its layers were already on that edge server, and,
 * for every alternative, which constraint the move would violate or how many bytes it would
 * add. Derived from the same `evaluate` that judges every answer.
 */
export function explainPlacement(problem: PlacementProblem, assignment: Assignment, containerId: string): PlacementExplanation | null {
  const container = problem.containers.find((c) => c.id === containerId);
  const here = placedOn(assignment, containerId);
  if (!container || !here) return null;
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const server = problem.servers.find((s) => s.id === here)!;
  const cached = new Set(server.cachedLayers ?? []);
  const neighbours = problem.containers.filter((c) => c.id !== containerId && placedOn(assignment, c.id) === here);
  const layers = [...new Set(container.layers)].map((digest) => {
    const sharedWith = neighbours.filter((n) => n.layers.includes(digest)).map((n) => n.id);
    const origin: LayerOrigin = cached.has(digest) ? 'cached' : sharedWith.length ? 'shared' : 'new';
    return { digest, size: size.get(digest) ?? 0, origin, sharedWith };
  });
  const base = evaluate(problem, assignment).cost;
  const alternatives = problem.servers
    .filter((s) => s.id !== here)
    .map((s) => {
      const moved = evaluate(problem, { ...assignment, [containerId]: s.id });
      const reasons = [...new Set(moved.violations.filter((v) => !v.container || v.container === containerId || v.server === s.id).map((v) => RULE_WORDS[v.rule] ?? v.message))];
      return { edgeServer: s.id, feasible: moved.feasible, reasons, costDelta: moved.cost - base };
    })
    .sort((a, b) => Number(b.feasible) - Number(a.feasible) || a.costDelta - b.costDelta);
  return {
    container: containerId,
    edgeServer: here,
    layers,
    newBytes: layers.filter((l) => l.origin === 'new').reduce((a, l) => a + l.size, 0),
    alternatives,
  };
}
