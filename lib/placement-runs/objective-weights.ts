import { z } from 'zod';
import type { ObjectiveTerms, ObjectiveWeights } from '@/lib/placement/types';

// The objective a planner chooses on the Placement page: a preset or raw weights. Weights are
// exchange rates into bytes (lib/placement/types.ts): `storage` per byte stored, `startup` bytes
// per second of start-up makespan, `traffic` bytes per Mbit/s·ms of traffic cost, `moves` per
// byte of the moves term (the bytes a moved replica's new server pulls, plus the problem's
// movePenaltyBytes per move).

export const OBJECTIVE_PRESETS = ['storage', 'fast-start-up', 'low-latency', 'balanced'] as const;
export type ObjectivePreset = (typeof OBJECTIVE_PRESETS)[number];

export const PRESET_LABELS: Record<ObjectivePreset, string> = {
  storage: 'Storage',
  'fast-start-up': 'Fast start-up',
  'low-latency': 'Low latency',
  balanced: 'Balanced',
};

export const PRESET_DESCRIPTIONS: Record<ObjectivePreset, string> = {
  storage: 'Bytes stored only (the paper’s objective).',
  'fast-start-up': 'Start-up time weighs ten times the bytes stored, at the reference placement.',
  'low-latency': 'Traffic between dependent services weighs ten times the bytes stored, at the reference placement.',
  balanced: 'Bytes stored, start-up time and traffic weigh the same at the reference placement.',
};

/** How much more a preset's favoured term weighs than storage, at the reference placement. */
const FAVOURED = 10;

/**
 * The scenario's exchange rates: what one second of start-up and one Mbit/s·ms of traffic are
 * worth in bytes so that, on the reference placement, each term weighs as much as its storage.
 */
export type ExchangeRates = {
  /** bytes per second of start-up makespan */
  startup: number;
  /** bytes per Mbit/s·ms of traffic cost */
  traffic: number;
};

/**
 * Rates that make the reference placement's start-up makespan and traffic cost each weigh as
 * much as its storage bytes: rate = storage bytes ÷ term. A term the reference does not have (no
 * network, no dependencies) or that is zero there (every layer already cached, all callers beside
 * their callees) gets rate 0: there is nothing to balance it against.
 */
export function balanceRates(reference: Pick<ObjectiveTerms, 'storageBytes' | 'startupSeconds' | 'trafficCost'>): ExchangeRates {
  const rate = (term: number | null) => (term !== null && term > 0 ? reference.storageBytes / term : 0);
  return { startup: rate(reference.startupSeconds), traffic: rate(reference.trafficCost) };
}

/**
 * The weights of a preset. Moves count only in a re-plan (a problem without a current placement
 * refuses a moves weight), at 1: a byte pulled for a move costs as much as a byte stored.
 */
export function presetWeights(preset: ObjectivePreset, rates: ExchangeRates, replan: boolean): ObjectiveWeights {
  const moves = replan ? 1 : 0;
  switch (preset) {
    case 'storage':
      return { storage: 1, startup: 0, traffic: 0, moves };
    case 'fast-start-up':
      return { storage: 1, startup: FAVOURED * rates.startup, traffic: 0, moves };
    case 'low-latency':
      return { storage: 1, startup: 0, traffic: FAVOURED * rates.traffic, moves };
    case 'balanced':
      return { storage: 1, startup: rates.startup, traffic: rates.traffic, moves };
  }
}

/** Only bytes stored count (moves aside): the problem is the paper's, a version-1 one when not re-planning. */
export function isStorageOnly(weights: Pick<ObjectiveWeights, 'startup' | 'traffic'>): boolean {
  return weights.startup === 0 && weights.traffic === 0;
}

/** Whether a problem's cost is plain bytes stored: no weights (version 1), or storage 1 and the rest 0. */
export function costIsBytes(weights: ObjectiveWeights | undefined | null): boolean {
  return !weights || (weights.storage === 1 && weights.startup === 0 && weights.traffic === 0 && weights.moves === 0);
}

/** Where stored weights came from and what they are: "Balanced preset: storage 1 · start-up 2.4e+08 B/s". */
export function describeStoredWeights(weights: StoredWeights): string {
  return `${weights.preset ? `${PRESET_LABELS[weights.preset]} preset` : 'Custom weights'}: ${describeWeights(weights)}`;
}

/** Weights as a person reads them: "storage 1 · start-up 2.4e+08 B/s". */
export function describeWeights(weights: ObjectiveWeights): string {
  const n = (v: number) => (v === 0 || (v >= 0.01 && v < 1e6) ? String(Number(v.toPrecision(3))) : v.toExponential(2));
  return [
    `storage ${n(weights.storage)}`,
    weights.startup > 0 ? `start-up ${n(weights.startup)} B/s` : null,
    weights.traffic > 0 ? `traffic ${n(weights.traffic)} B per Mbit/s·ms` : null,
    weights.moves > 0 ? `moves ${n(weights.moves)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

const MAX_WEIGHT = 1e15;
const weight = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} weight as a number` })
    .finite(`Enter the ${what} weight as a number`)
    .min(0, `The ${what} weight cannot be negative`)
    .max(MAX_WEIGHT, `The ${what} weight is at most ${MAX_WEIGHT.toExponential(0)}`);

/** Raw weights as a run request carries them. */
export const objectiveWeightsSchema = z
  .object({ storage: weight('storage'), startup: weight('start-up'), traffic: weight('traffic'), moves: weight('moves') })
  // A negative weight is already reported at its field.
  .refine((w) => Object.values(w).some((v) => v < 0) || w.storage + w.startup + w.traffic + w.moves > 0, {
    message: 'At least one weight must be more than 0',
    path: ['storage'],
  });

/** What a run stores of its objective (PlacementRun.weights, and the scenario document). */
export const storedWeightsSchema = z.object({
  /** the preset the weights came from; null when typed by hand */
  preset: z.enum(OBJECTIVE_PRESETS).nullable(),
  storage: z.number().min(0),
  startup: z.number().min(0),
  traffic: z.number().min(0),
  moves: z.number().min(0),
});
export type StoredWeights = z.infer<typeof storedWeightsSchema>;

/** A run's stored weights, read leniently: a column changed by hand reads as none. */
export function readStoredWeights(json: unknown): StoredWeights | null {
  const parsed = storedWeightsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
