import { solvePlacement } from '@/lib/placement/solve-placement';
import type { ObjectiveTerms, PlacementProblem } from '@/lib/placement/types';
import { balanceRates, type ExchangeRates } from './objective-weights';

export type Calibration = { ok: true; rates: ExchangeRates; reference: { algorithm: 'kube-default'; terms: ObjectiveTerms } } | { ok: false; message: string };

/** Kubernetes' default scheduler places pod by pod: a reference in well under a second. */
const REFERENCE_TIME_LIMIT_SEC = 10;

/**
 * The scenario's exchange rates for the presets (objective-weights.ts): the reference placement
 * is what Kubernetes' default scheduler would do (the comparison point the Placement page already
 * shows), measured by the engine's own evaluate on the version-2 problem; each rate makes one of
 * its terms weigh as much as its bytes stored.
 */
export async function calibrateExchangeRates(problem: PlacementProblem): Promise<Calibration> {
  const result = await solvePlacement(problem, { algorithm: 'kube-default', timeLimitSec: REFERENCE_TIME_LIMIT_SEC });
  if ((result.status !== 'optimal' && result.status !== 'feasible') || !result.terms) {
    return {
      ok: false,
      message: `The presets weigh each term against Kubernetes' default placement of this scenario, and it places nothing here (${result.status}${result.message ? `: ${result.message}` : ''}). Enter the weights by hand.`,
    };
  }
  return { ok: true, rates: balanceRates(result.terms), reference: { algorithm: 'kube-default', terms: result.terms } };
}
