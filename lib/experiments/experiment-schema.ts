import { z } from 'zod';
import { ALGORITHMS, ENGINES } from '@/lib/placement/types';

const list = <T extends z.ZodType>(item: T) => z.preprocess((value) => (typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : value), z.array(item));

const seedSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(1);
const algorithmsSchema = z.array(z.enum(ALGORITHMS)).min(1, 'Choose at least one algorithm');
const timeLimitSchema = z.coerce.number().finite().min(1, 'At least 1 second per solve').max(300, 'At most 300 seconds per solve').default(10);

/** Parameters of one of the paper's figures; everything needed to rerun it is kept with its results. */
export const figureParamsSchema = z
  .object({
    figure: z.enum(['containers', 'capacity']),
    source: z.enum(['synthetic', 'scenario']).default('synthetic'),
    servers: z.coerce.number().int().min(1, 'At least 1 edge server').max(100, 'At most 100 edge servers').default(10),
    containers: list(z.coerce.number().int().min(1, 'Container counts start at 1').max(2000, 'At most 2000 containers')).pipe(
      z.array(z.number()).min(1, 'Give at least one container count').max(20, 'At most 20 points'),
    ),
    capacityScales: list(z.coerce.number().finite().gt(0, 'Multipliers must be > 0').max(20, 'Multipliers up to 20'))
      .pipe(z.array(z.number()).max(20, 'At most 20 points'))
      .default([1]),
    seed: seedSchema,
    algorithms: algorithmsSchema,
    engine: z.enum(ENGINES).default('auto'),
    timeLimitSec: timeLimitSchema,
  })
  .superRefine((p, ctx) => {
    if (p.figure === 'capacity' && p.capacityScales.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['capacityScales'], message: 'Fig. 5 needs at least two capacity multipliers' });
    }
    if (p.figure === 'containers' && p.containers.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['containers'], message: 'Fig. 4 needs at least two container counts' });
    }
    if (p.figure === 'capacity' && p.containers.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['containers'], message: 'Fig. 5 uses one fixed container count' });
    }
  });

/** The two terms a trade-off sweep sets against storage. */
export const TRADEOFF_AXES = ['startup', 'traffic'] as const;
export type TradeoffAxis = (typeof TRADEOFF_AXES)[number];

/** One MiB: sweep weights are entered in MiB of storage per unit of the other term. */
export const WEIGHT_UNIT_BYTES = 1024 ** 2;

// Sorted and without repeats: a weight given twice would solve the same problem twice.
const weightList = list(z.coerce.number().finite().min(0, 'Weights are 0 or more').max(1e9, 'Weights up to 1,000,000,000 MiB per unit'))
  .pipe(z.array(z.number()).max(20, 'At most 20 weights'))
  .transform((weights) => [...new Set(weights)].sort((a, b) => a - b));

/**
 * A trade-off sweep: the scenario's problem solved once per weight, storage against start-up
 * time and against traffic cost. Weights are MiB of storage per second of start-up makespan
 * (`startupWeights`) and per Mbit/s·ms of traffic cost (`trafficWeights`); 0 is storage alone.
 */
export const tradeoffParamsSchema = z
  .object({
    figure: z.literal('tradeoff'),
    source: z.literal('scenario', { error: 'A trade-off sweep solves this scenario’s own problem' }).default('scenario'),
    startupWeights: weightList.default([]),
    trafficWeights: weightList.default([]),
    seed: seedSchema,
    algorithms: algorithmsSchema,
    engine: z.enum(ENGINES).default('auto'),
    timeLimitSec: timeLimitSchema,
  })
  .superRefine((p, ctx) => {
    if (p.startupWeights.length + p.trafficWeights.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['startupWeights'], message: 'Give weights for start-up time, traffic cost or both' });
    }
  });

export const experimentParamsSchema = z.discriminatedUnion('figure', [figureParamsSchema, tradeoffParamsSchema], {
  error: 'Choose Fig. 4 (containers), Fig. 5 (capacity) or a trade-off sweep',
});

export type FigureParams = z.output<typeof figureParamsSchema>;
export type TradeoffParams = z.output<typeof tradeoffParamsSchema>;
export type ExperimentParams = z.output<typeof experimentParamsSchema>;
export type ExperimentKind = ExperimentParams['figure'];

/** The weights a sweep solves for one axis, MiB per unit of its term. */
export function weightsOf(params: TradeoffParams, axis: TradeoffAxis): number[] {
  return axis === 'startup' ? params.startupWeights : params.trafficWeights;
}

export function countPoints(params: ExperimentParams): number {
  if (params.figure === 'tradeoff') return (params.startupWeights.length + params.trafficWeights.length) * params.algorithms.length;
  const xs = params.figure === 'containers' ? params.containers.length : params.capacityScales.length;
  return xs * params.algorithms.length;
}

/** One solved point of a figure, as stored and charted. Bytes and milliseconds. */
export type ExperimentPoint = {
  x: number;
  containers: number;
  capacityScale: number;
  algorithm: string;
  status: string;
  cost: number | null;
  lowerBound: number | null;
  noSharingCost: number;
  elapsedMs: number;
};

const termsSchema = z.object({
  storageBytes: z.number(),
  startupSeconds: z.number().nullable(),
  startupSumSeconds: z.number().nullable(),
  trafficCost: z.number().nullable(),
  moves: z.number().nullable(),
  moveBytes: z.number().nullable(),
});

/** One solve of a trade-off sweep, as stored: the terms apart, so any pair can be charted. */
export const tradeoffPointSchema = z.object({
  axis: z.enum(TRADEOFF_AXES),
  /** MiB of storage per unit of the axis's term (s, or Mbit/s·ms) */
  weight: z.number(),
  algorithm: z.string(),
  status: z.string(),
  /** the weighted total, bytes-equivalent; null without a placement */
  cost: z.number().nullable(),
  /** null without a placement */
  terms: termsSchema.nullable(),
  noSharingCost: z.number(),
  elapsedMs: z.number(),
});
export type TradeoffPoint = z.output<typeof tradeoffPointSchema>;
