import type { EngineChoice, EngineName } from '../types';
import { loadGlpkEngine } from './glpk-engine';
import { loadHighsEngine } from './highs-engine';
import type { MilpEngine } from './milp-engine';

/**
 * `auto` resolves to HiGHS: in bench/results/placement.md it proves the paper-shaped 10×50
 * instances that glpk.js cannot finish, and only HiGHS takes a MIP start and reports a dual
 * bound at the time limit (see lib/placement/README.md).
 */
export function resolveEngine(choice: EngineChoice | undefined): EngineName {
  return choice === 'glpk' ? 'glpk' : 'highs';
}

export function loadEngine(name: EngineName): Promise<MilpEngine> {
  return name === 'glpk' ? loadGlpkEngine() : loadHighsEngine();
}
