import type { CompiledProblem } from '../compile-problem';
import { layerCopiesBound } from './layer-copies-bound';

/**
 * A proved lower bound on the weighted objective without an LP: the storage term's
 * layer-copies bound (bytes) times its weight. Every other term is ≥ 0, so leaving them out
 * keeps the bound valid; for a storage-only problem this is the layer-copies bound itself.
 */
export function weightedFloor(cp: CompiledProblem): number {
  const weight = cp.weights.storage;
  if (weight === 0) return 0;
  const bytes = layerCopiesBound(cp);
  return weight === 1 ? bytes : weight * bytes;
}

/** A storage bound in bytes (an LP's, say) as a bound on the weighted objective. */
export function weighStorageBound(cp: CompiledProblem, bytes: number): number {
  return cp.weights.storage === 1 ? bytes : cp.weights.storage * bytes;
}
