import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { entityCreateSchema, editSchema } from '@/lib/architecture/edits';
import { diamond } from '@/lib/control/small-topologies.fixture';
import { controlInputSchema } from '@/lib/control/control-input-schema';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { experimentParamsSchema } from '@/lib/experiments/experiment-schema';
import { instantiateVnfSchema } from '@/lib/mano/vnf-lifecycle-schemas';
import { generateProblem } from '@/lib/placement/generate-problem';
import { placementProblemSchema } from '@/lib/placement/problem-schema';
import { placementResultSchema } from '@/lib/placement/result-schema';
import { solvePlacement } from '@/lib/placement/solve-placement';
import { startPlacementRunsSchema } from '@/lib/placement-runs/placement-run-schema';
import { policyInputSchema } from '@/lib/policies/policy-schema';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { createScenarioSchema } from '@/lib/scenarios/scenario-schema';
import { findNonFinite, isReadableMessage, jsonPaths, mutatedJson } from '@/lib/testing/hostile-input';

// Every form and document schema meets hostile input: a valid example with up to three parts
// broken, or anything at all. Parsing never throws, never takes long, refuses with messages a
// person can read (each with the path of what is wrong), and what it accepts is finite.

const RUNS = Number(process.env.EDGESTACK_FUZZ_RUNS ?? 150);
// Far above any real parse (milliseconds); only a pathological case (a hang) reaches it.
const PARSE_BUDGET_MS = 2_000;

const id = '0b6f4a7e-7d5c-4b8e-9f1a-2c3d4e5f6a7b';
const other = '1c7e5b8f-8e6d-4c9f-8a2b-3d4e5f6a7b8c';

const uuidOk = { id, posX: 10, posY: 20 };
const examples: { name: string; schema: z.ZodType; valid: () => unknown }[] = [
  { name: 'placement problem', schema: placementProblemSchema, valid: () => generateProblem({ servers: 3, containers: 6, seed: 4 }) },
  {
    name: 'placement result',
    schema: placementResultSchema,
    valid: async () => solvePlacement(generateProblem({ servers: 3, containers: 6, seed: 4 }), { algorithm: 'greedy', timeLimitSec: 5 }),
  },
  { name: 'scenario document', schema: scenarioDocumentSchema, valid: () => buildDemoScenarioDocument() },
  { name: 'control input', schema: controlInputSchema, valid: () => JSON.parse(JSON.stringify(diamond())) as unknown },
  {
    name: 'experiment form',
    schema: experimentParamsSchema,
    valid: () => ({ figure: 'capacity', servers: '10', containers: '40', capacityScales: '0.8, 1, 2', algorithms: ['greedy', 'exact'], timeLimitSec: '10', seed: '1' }),
  },
  {
    name: 'trade-off sweep form',
    schema: experimentParamsSchema,
    valid: () => ({ figure: 'tradeoff', startupWeights: '0, 1, 10', trafficWeights: '0.1', algorithms: ['greedy', 'no-sharing'], timeLimitSec: '10', seed: '1' }),
  },
  { name: 'policy form', schema: policyInputSchema, valid: () => ({ name: 'cap', type: 'max-utilisation', services: [], edgeServers: ['north-1'], fraction: '0.8' }) },
  {
    name: 'placement run form',
    schema: startPlacementRunsSchema,
    valid: () => ({ scenarioId: id, algorithms: ['greedy', 'relax'], engine: 'highs', timeLimitSec: '30', seed: '2' }),
  },
  { name: 'scenario form', schema: createScenarioSchema, valid: () => ({ name: 'metro', description: 'a scenario' }) },
  {
    name: 'editor create',
    schema: editSchema,
    valid: () => ({
      type: 'create',
      entities: [
        {
          kind: 'edgeServer',
          ...uuidOk,
          name: 'edge-1',
          siteId: null,
          tier: 'edge',
          arch: 'amd64',
          cpuCores: 8,
          memoryMiB: 16384,
          storageBytes: 256e9,
          bandwidthMbps: 1000,
          accelerators: ['gpu'],
        },
      ],
      links: [],
      dependencies: [{ fromId: id, toId: other, trafficMbps: 5 }],
      manages: [],
    }),
  },
  {
    name: 'editor entity',
    schema: entityCreateSchema,
    valid: () => ({ kind: 'site', ...uuidOk, name: 'north', provider: 'metro', region: 'eu', latitude: 52.5, longitude: 13.4 }),
  },
  { name: 'MANO instantiate', schema: instantiateVnfSchema, valid: () => ({ scenarioId: id, name: 'fw-1', kind: 'firewall', hostServerId: other, cpuCores: 1, memoryMiB: 512 }) },
];

function parseTimed(schema: z.ZodType, input: unknown) {
  const started = performance.now();
  const result = schema.safeParse(input);
  return { result, ms: performance.now() - started };
}

function checkOutcome(name: string, schema: z.ZodType, input: unknown) {
  let outcome: ReturnType<typeof parseTimed>;
  try {
    outcome = parseTimed(schema, input);
  } catch (error) {
    throw new Error(`${name}: safeParse threw ${(error as Error).message}`, { cause: error });
  }
  expect(outcome.ms, `${name}: parse took ${outcome.ms} ms`).toBeLessThan(PARSE_BUDGET_MS);
  const { result } = outcome;
  if (result.success) {
    expect(findNonFinite(result.data), `${name}: accepted a non-finite number`).toBeNull();
    return true;
  }
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(isReadableMessage(issue.message), `${name}: message ${JSON.stringify(issue.message)}`).toBe(true);
    expect(Array.isArray(issue.path)).toBe(true);
  }
  return false;
}

describe('form and document schemas under hostile input', () => {
  for (const example of examples) {
    it(`${example.name}: broken examples and arbitrary values are refused clearly or accepted finite`, async () => {
      const valid = await example.valid();
      // The example itself must be valid, or the property below would test only refusals.
      const own = example.schema.safeParse(valid);
      expect(own.success, own.success ? '' : JSON.stringify(own.error.issues.slice(0, 3))).toBe(true);
      const paths = jsonPaths(valid);
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(fc.oneof({ arbitrary: mutatedJson(valid, paths), weight: 4 }, { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 }), (input) => {
          if (checkOutcome(example.name, example.schema, input)) accepted++;
          else refused++;
        }),
        { numRuns: RUNS, seed: Number(process.env.EDGESTACK_FUZZ_SEED ?? 20261202) },
      );
      // Some mutations leave the input valid, most break it: both branches were exercised.
      expect(refused).toBeGreaterThan(0);
      expect(accepted + refused).toBe(RUNS);
    });
  }

  it('a key named __proto__ never changes the prototype of what a schema returns', () => {
    const hostile: unknown = JSON.parse('{"figure":"capacity","containers":"40","capacityScales":"1,2","algorithms":["greedy"],"__proto__":{"polluted":true}}');
    const parsed = experimentParamsSchema.safeParse(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (parsed.success) expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
  });
});
