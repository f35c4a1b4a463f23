import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { DomainError } from '@/lib/errors';
import { claimNextExperiment } from '@/lib/placement-runs/claim-queued-work';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { enqueueExperiment } from './enqueue-experiment';
import { executeExperiment } from './execute-experiment';
import { WEIGHT_UNIT_BYTES } from './experiment-schema';
import { listExperiments } from './list-experiments';
import { EXAMPLE_NETWORK, exampleScenarioDocument, withNetworkSection } from './network-scenario.fixture';
import { summarizeTradeoff } from './summarize-tradeoff';
import { tradeoffToCsv } from './tradeoff-csv';

// What the builder emits for the scenario: as today (no network section), the example's network
// added, or the network without dependencies.
const builder = vi.hoisted((): { mode: 'plain' | 'network' | 'no-dependencies' } => ({ mode: 'network' }));
vi.mock(import('@/lib/placement-runs/build-placement-problem'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    buildPlacementProblem: async (...args: Parameters<typeof real.buildPlacementProblem>) => {
      const built = await real.buildPlacementProblem(...args);
      if (builder.mode === 'plain') return built;
      return builder.mode === 'network' ? withNetworkSection(built) : withNetworkSection(built, EXAMPLE_NETWORK, []);
    },
  };
});

let db: TestDatabase;
let scenarioId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  scenarioId = (await importScenarioDocument(db.prisma, scenarioDocumentSchema.parse(exampleScenarioDocument('Trade-off')))).id;
});
afterAll(async () => db?.drop());

const sweep = { figure: 'tradeoff', startupWeights: '0, 50', trafficWeights: '1, 0', algorithms: ['greedy', 'no-sharing'], timeLimitSec: 5 };

async function refusal(input: unknown): Promise<DomainError> {
  const error: unknown = await enqueueExperiment(db.prisma, scenarioId, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('trade-off sweep', () => {
  test('is refused, saying what to do, when the scenario cannot answer a term it asks for', async () => {
    builder.mode = 'plain';
    const noNetwork = await refusal(sweep);
    expect(noNetwork.field).toBe('startupWeights');
    expect(noNetwork.message).toMatch(/attach a registry to the topology/);

    builder.mode = 'no-dependencies';
    const noDependencies = await refusal(sweep);
    expect(noDependencies.field).toBe('trafficWeights');
    expect(noDependencies.message).toMatch(/connect the services that call each other/);
    const startupOnly = await enqueueExperiment(db.prisma, scenarioId, { ...sweep, trafficWeights: '' });
    await db.prisma.experimentRun.delete({ where: { id: startupOnly.id } });
  });

  test('solves each weight of each term with each algorithm and records every term of each placement', async () => {
    builder.mode = 'network';
    const { id } = await enqueueExperiment(db.prisma, scenarioId, sweep);
    const [queued] = await listExperiments(db.prisma, scenarioId, { id });
    expect(queued).toMatchObject({ figure: 'tradeoff', source: 'scenario', status: 'queued', pointsTotal: 8 });
    expect(queued.params).toMatchObject({ startupWeights: [0, 50], trafficWeights: [0, 1] });

    const workerId = 'tradeoff-test';
    expect(await claimNextExperiment(db.prisma, workerId)).toBe(id);
    expect(await executeExperiment(db.prisma, id, { workerId })).toEqual({ kind: 'recorded', status: 'done' });

    const [done] = await listExperiments(db.prisma, scenarioId, { id });
    if (done.figure !== 'tradeoff') throw new Error('not a sweep');
    expect(done).toMatchObject({ status: 'done', pointsDone: 8 });
    expect(done.points.map((p) => `${p.axis} ${p.weight} ${p.algorithm}`)).toEqual([
      'startup 0 greedy',
      'startup 0 no-sharing',
      'startup 50 greedy',
      'startup 50 no-sharing',
      'traffic 0 greedy',
      'traffic 0 no-sharing',
      'traffic 1 greedy',
      'traffic 1 no-sharing',
    ]);
    for (const p of done.points) {
      expect(p.status, p.algorithm).toMatch(/^(optimal|feasible)$/);
      const terms = p.terms!;
      // The cost is the point's own weighing: storage plus the axis's term at the swept weight.
      const term = p.axis === 'startup' ? terms.startupSeconds! : terms.trafficCost!;
      expect(p.cost).toBeCloseTo(terms.storageBytes + p.weight * WEIGHT_UNIT_BYTES * term, 0);
      expect(terms.startupSeconds).toBeGreaterThan(0);
      expect(terms.trafficCost).toBeGreaterThanOrEqual(0);
    }
    // Layer sharing: greedy stores what the example's best placement stores, no sharing all 159 MB.
    const greedy = done.points.find((p) => p.algorithm === 'greedy' && p.weight === 0)!;
    expect(greedy.terms!.storageBytes).toBe(129_000_000);
    expect(done.points.find((p) => p.algorithm === 'no-sharing')!.terms!.storageBytes).toBe(159_000_000);

    const [startup, traffic] = summarizeTradeoff(done.params, done.points);
    expect(startup.front.length).toBeGreaterThan(0);
    expect(startup.baseline?.storageBytes).toBe(159_000_000);
    expect(traffic.takeaway).not.toMatch(/^No /);
    expect(tradeoffToCsv(done.points).trim().split('\r\n')).toHaveLength(9);
  });

  test('a sweep whose scenario lost its network meanwhile ends with the reason', async () => {
    builder.mode = 'network';
    const { id } = await enqueueExperiment(db.prisma, scenarioId, { ...sweep, trafficWeights: '' });
    builder.mode = 'plain';
    expect(await claimNextExperiment(db.prisma, 'tradeoff-test')).toBe(id);
    expect(await executeExperiment(db.prisma, id, { workerId: 'tradeoff-test' })).toEqual({ kind: 'recorded', status: 'error' });
    const [failed] = await listExperiments(db.prisma, scenarioId, { id });
    expect(failed.message).toMatch(/attach a registry/);
  });
});
