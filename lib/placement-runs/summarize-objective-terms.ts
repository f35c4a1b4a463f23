import { problemWeights, weighTerms } from '@/lib/placement/evaluate';
import type { ObjectiveTerms, PlacementProblem, TermName } from '@/lib/placement/types';

/** One term of the objective: its value in its own unit, its weight, and what it adds to the total. */
export type TermRow = {
  term: TermName;
  /** bytes, s of makespan, Mbit/s·ms, or moves; null when the problem lacks its input */
  value: number | null;
  weight: number;
  /** weight × term, bytes-equivalent: its part of the weighted total */
  weighted: number;
  /** of the weighted total; null when the total is 0 */
  share: number | null;
};

const ONLY: Record<TermName, (weight: number) => { storage: number; startup: number; traffic: number; moves: number }> = {
  storage: (w) => ({ storage: w, startup: 0, traffic: 0, moves: 0 }),
  startup: (w) => ({ storage: 0, startup: w, traffic: 0, moves: 0 }),
  traffic: (w) => ({ storage: 0, startup: 0, traffic: w, moves: 0 }),
  moves: (w) => ({ storage: 0, startup: 0, traffic: 0, moves: w }),
};

/**
 * Each term of a placement beside the weighted total it makes up. Each term's part is weighed
 * by evaluate's own weighTerms with the other weights at 0, so the parts add up to the total
 * by the one definition of cost.
 */
export function summarizeObjectiveTerms(problem: PlacementProblem, terms: ObjectiveTerms): { rows: TermRow[]; total: number } {
  const weights = problemWeights(problem);
  const total = weighTerms(problem, terms);
  const value: Record<TermName, number | null> = { storage: terms.storageBytes, startup: terms.startupSeconds, traffic: terms.trafficCost, moves: terms.moves };
  const rows = (Object.keys(ONLY) as TermName[]).map((term) => {
    const weighted = weighTerms({ ...problem, weights: ONLY[term](weights[term]) }, terms);
    return { term, value: value[term], weight: weights[term], weighted, share: total > 0 ? weighted / total : null };
  });
  return { rows, total };
}
