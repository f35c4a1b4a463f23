import { z } from 'zod';
import { ALGORITHMS, ENGINES } from '@/lib/placement/types';

const list = <T extends z.ZodType>(item: T) => z.preprocess((value) => (typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : value), z.array(item));

/** Parameters of one figure; everything needed to rerun it is kept with its results. */
export const experimentParamsSchema = z
  .object({
    figure: z.enum(['containers', 'capacity'], { error: 'Choose Fig. 4 (containers) or Fig. 5 (capacity)' }),
    source: z.enum(['synthetic', 'scenario']).default('synthetic'),
    servers: z.coerce.number().int().min(1, 'At least 1 edge server').max(100, 'At most 100 edge servers').default(10),
    containers: list(z.coerce.number().int().min(1, 'Container counts start at 1').max(2000, 'At most 2000 containers')).pipe(
      z.array(z.number()).min(1, 'Give at least one container count').max(20, 'At most 20 points'),
    ),
    capacityScales: list(z.coerce.number().finite().gt(0, 'Multipliers must be > 0').max(20, 'Multipliers up to 20'))
      .pipe(z.array(z.number()).max(20, 'At most 20 points'))
      .default([1]),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    algorithms: z.array(z.enum(ALGORITHMS)).min(1, 'Choose at least one algorithm'),
    engine: z.enum(ENGINES).default('auto'),
    timeLimitSec: z.coerce.number().finite().min(1, 'At least 1 second per solve').max(300, 'At most 300 seconds per solve').default(10),
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

export type ExperimentParams = z.output<typeof experimentParamsSchema>;

export function countPoints(params: ExperimentParams): number {
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
