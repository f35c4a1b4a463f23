import { buildPlacementModel, ModelBuildStopped, type ModelOptions, type PlacementModel } from '../build-placement-model';
import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';

/**
 * How long an engine takes before its time limit can stop it, in multiples of the time the
 * model took to build. HiGHS cannot be interrupted while it takes the model in (passModel) nor
 * before its first callback (presolve, crash), and it ends seconds past its time_limit. Measured
 * on the 50 × 5,000 synthetic problem (5.75 M nonzeros, 454,650 columns, 1.2 M rows; model
 * built in 1.5–1.6 s): passModel 1.4–2.1 s; a 0.2 s MIP limit answered after 1.9 s, a 14.9 s
 * one after 17 s. So: one build time to take the model in, one for the tail past the limit
 * (callers give the run the remaining time less one build time), and one of useful solving.
 * Both sides are JavaScript/WASM work on the same thread, so a loaded machine slows them alike
 * and the ratio holds where a fixed number of seconds would not.
 */
const ENGINE_SETUP_PER_BUILD = 3;

type Built = { model: PlacementModel; buildSec: number };
const built = new WeakMap<CompiledProblem, Map<string, Built>>();

/**
 * The placement model, built once per problem and options: exact runs the LP rounding (relax)
 * before its MIP on the same model, which on a large problem takes seconds to build. Null when
 * the deadline passed during the build (checked as it goes).
 */
export function modelForEngine(cp: CompiledProblem, options: ModelOptions, deadline: Deadline): Built | null {
  const key = JSON.stringify([
    options.capacityLinking ?? false,
    options.layerCover ?? false,
    options.integerLayers ?? false,
    options.symmetryBreaking ?? false,
    options.noSharing ?? false,
    options.identicalUnitOrder ?? false,
    // The network coefficients follow from the compiled problem; only the choices vary.
    options.network ? [options.network.traffic, options.network.startupUnitCuts, [...options.network.trafficCuts].sort().join()] : null,
  ]);
  let models = built.get(cp);
  if (!models) built.set(cp, (models = new Map<string, Built>()));
  let entry = models.get(key);
  if (!entry) {
    const started = performance.now();
    let model: PlacementModel;
    try {
      model = buildPlacementModel(cp, options, () => deadline.expired());
    } catch (error) {
      if (!(error instanceof ModelBuildStopped)) throw error;
      return null;
    }
    entry = { model, buildSec: (performance.now() - started) / 1000 };
    models.set(key, entry);
  }
  return entry;
}

/**
 * Whether an engine run on this model can start and still stop in time. When it cannot, the
 * caller keeps the placement it has, and the run is marked as cut by the clock.
 */
export function engineFitsIn(deadline: Deadline, built: Built | null): built is Built {
  if (built && !deadline.expired() && deadline.remainingSec() >= ENGINE_SETUP_PER_BUILD * built.buildSec) return true;
  deadline.markClockCut();
  return false;
}
