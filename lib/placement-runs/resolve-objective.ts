import type { Db } from '@/lib/db';
import type { Objective, ObjectiveWeights } from '@/lib/placement/types';
import { buildPlacementProblem, type BuiltProblem } from './build-placement-problem';
import { calibrateExchangeRates, type Calibration } from './calibrate-exchange-rates';
import { presetWeights, type ObjectivePreset, type StoredWeights } from './objective-weights';

export type ObjectiveRequest = { preset?: ObjectivePreset; weights?: ObjectiveWeights; replan?: boolean };

export type ResolvedObjective =
  | {
      ok: true;
      built: Extract<BuiltProblem, { ok: true }>;
      /** what the run stores: null for a version-1 (storage only, no re-plan) problem */
      stored: StoredWeights | null;
      /** how a preset's weights were derived, when they were */
      calibration: Extract<Calibration, { ok: true }> | null;
    }
  | { ok: false; built: Exclude<BuiltProblem, { ok: true }> }
  | { ok: false; message: string };

/**
 * The problem a run of this objective solves. Raw weights are taken as given; a preset other
 * than storage is turned into weights with the scenario's exchange rates (calibrate-exchange-rates),
 * measured on the version-2 problem itself. Storage alone without a re-plan stays version 1.
 */
export async function resolveObjective(db: Db, scenarioId: string, objective: Objective, request: ObjectiveRequest): Promise<ResolvedObjective> {
  const replan = request.replan ?? false;
  const preset = request.preset ?? (request.weights ? null : 'storage');
  let weights = request.weights;
  let calibration: Extract<Calibration, { ok: true }> | null = null;
  if (!weights && preset === 'storage') {
    weights = replan ? presetWeights('storage', { startup: 0, traffic: 0 }, true) : undefined;
  } else if (!weights && preset) {
    const plain = await buildPlacementProblem(db, scenarioId, objective, { weights: presetWeights('storage', { startup: 0, traffic: 0 }, false) });
    if (!plain.ok) return { ok: false, built: plain };
    const measured = await calibrateExchangeRates(plain.problem);
    if (!measured.ok) return measured;
    calibration = measured;
    weights = presetWeights(preset, measured.rates, replan);
  }
  const built = await buildPlacementProblem(db, scenarioId, objective, { weights, replan });
  if (!built.ok) return { ok: false, built };
  const used = built.problem.weights;
  return { ok: true, built, stored: used ? { preset, ...used } : null, calibration };
}
