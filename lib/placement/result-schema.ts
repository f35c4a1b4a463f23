import { z } from 'zod';
import { ALGORITHMS, type PlacementResult } from './types';

// The shape of a PlacementResult as the command line prints it and the database stores it. It
// exists for the published JSON Schema (docs/placement-result.schema.json) and for readers of
// results written elsewhere; the engine builds results as typed values and never parses them.

const bytes = () => z.number().int().min(0);

export const placementResultSchema = z.strictObject({
  status: z.enum(['optimal', 'feasible', 'infeasible', 'no-solution', 'timeout', 'cancelled', 'error']),
  algorithm: z.enum(ALGORITHMS),
  engine: z.enum(['glpk', 'highs']).nullable(),
  objective: z.enum(['storage', 'download']),
  // Bytes for a storage-only objective; the weighted total (bytes-equivalent) for a v2 problem with other weights.
  cost: z.number().min(0).nullable(),
  lowerBound: z.number().min(0).nullable(),
  noSharingCost: bytes(),
  assignment: z.record(z.string(), z.string()).optional(),
  serverLayers: z.record(z.string(), z.array(z.string())).optional(),
  terms: z
    .strictObject({
      storageBytes: z.number().min(0),
      startupSeconds: z.number().min(0).nullable(),
      startupSumSeconds: z.number().min(0).nullable(),
      trafficCost: z.number().min(0).nullable(),
      moves: z.number().int().min(0).nullable(),
      moveBytes: z.number().min(0).nullable(),
    })
    .optional(),
  droppedTerms: z.array(z.enum(['storage', 'startup', 'traffic', 'moves'])).optional(),
  elapsedMs: z.number().min(0),
  message: z.string().optional(),
  // Set when the wall-clock safety net cut the run: a rerun may then differ.
  timeLimitReached: z.literal(true).optional(),
});

// Both directions, so that a field added to the type but not here (or the reverse) fails the
// type check instead of leaving the published schema behind.
type Parsed = z.infer<typeof placementResultSchema>;
export const resultSchemaMatchesType: [Parsed, PlacementResult] extends [PlacementResult, Parsed] ? true : never = true;
