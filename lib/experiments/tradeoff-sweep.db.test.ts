import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { DomainError } from '@/lib/errors';
import { claimNextExperiment } from '@/lib/placement-runs/claim-queued-work';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { buildTradeoffProblem } from './build-tradeoff-problem';
import { enqueueExperiment } from './enqueue-experiment';
import { executeExperiment } from './execute-experiment';
import { tradeoffParamsSchema, WEIGHT_UNIT_BYTES } from './experiment-schema';
import { listExperiments } from './list-experiments';
import { EXAMPLE_NETWORK, exampleScenarioDocument } from './network-scenario.fixture';
import { summarizeTradeoff } from './summarize-tradeoff';
import { tradeoffToCsv } from './tradeoff-csv';

let db: TestDatabase;
const scenario = async (name: string, parts?: Parameters<typeof exampleScenarioDocument>[1]) =>
  (await importScenarioDocument(db.prisma, scenarioDocumentSchema.parse(exampleScenarioDocument(name, parts)))).id;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const sweep = { figure: 'tradeoff', startupWeights: '0, 50', trafficWeights: '1, 0', algorithms: ['greedy', 'no-sharing'], timeLimitSec: 5 };

async function refusal(scenarioId: string, input: unknown): Promise<DomainError> {
  const error: unknown = await enqueueExperiment(db.prisma, scenarioId, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('trade-off sweep', () => {
  test('solves the problem the builder measures on the scenario’s topology', async () => {
    const built = await buildTradeoffProblem(db.prisma, await scenario('Measured'), tradeoffParamsSchema.parse(sweep));
    if (!built.ok) throw new Error(built.message);
    expect(built.problem.version).toBe(2);
    expect(built.problem.network).toEqual({
      registries: EXAMPLE_NETWORK.registries,
      pulls: EXAMPLE_NETWORK.pulls.map((p) => ({ ...p, path: expect.any(Array) as string[] })),
      latencies: EXAMPLE_NETWORK.latencies,
    });
    expect(built.problem.containers.map((c) => c.service)).toEqual(['api', 'web', 'web']);
  });

  test('is refused, saying what to do, when the scenario cannot answer a term it asks for', async () => {
    const noLinks = await refusal(await scenario('No links', { links: false }), sweep);
    expect(noLinks.field).toBe('startupWeights');
    expect(noLinks.message).toMatch(/attach a registry to the topology/);

    const unattached = await refusal(await scenario('Unattached', { attached: false }), sweep);
    expect(unattached).toMatchObject({ field: 'startupWeights', message: expect.stringMatching(/^No registry is attached to the topology/) as string });

    const alone = await scenario('No dependencies', { dependencies: false });
    const noDependencies = await refusal(alone, sweep);
    expect(noDependencies.field).toBe('trafficWeights');
    expect(noDependencies.message).toMatch(/connect the services that call each other/);
    const startupOnly = await enqueueExperiment(db.prisma, alone, { ...sweep, trafficWeights: '' });
    await db.prisma.experimentRun.delete({ where: { id: startupOnly.id } });
  });

  test('solves each weight of each term with each algorithm and records every term of each placement', async () => {
    const scenarioId = await scenario('Trade-off');
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
    // docs/placement-format.md: the example's best placement stores 129 MB and starts in 3.38 s
    // (the other stores the same and starts in 6.98 s); no sharing stores all 159 MB.
    for (const p of done.points.filter((q) => q.algorithm === 'greedy')) expect(p.terms!.storageBytes).toBe(129_000_000);
    expect(done.points.find((p) => p.axis === 'startup' && p.weight === 50 && p.algorithm === 'greedy')!.terms!.startupSeconds).toBeCloseTo(3.38, 9);
    expect(done.points.find((p) => p.algorithm === 'no-sharing')!.terms!.storageBytes).toBe(159_000_000);

    const [startup, traffic] = summarizeTradeoff(done.params, done.points);
    expect(startup.front.length).toBeGreaterThan(0);
    expect(startup.baseline?.storageBytes).toBe(159_000_000);
    expect(traffic.takeaway).not.toMatch(/^No /);
    expect(tradeoffToCsv(done.points).trim().split('\r\n')).toHaveLength(9);
  });

  test('a sweep whose scenario lost its registry meanwhile ends with the reason', async () => {
    const scenarioId = await scenario('Detached');
    const { id } = await enqueueExperiment(db.prisma, scenarioId, { ...sweep, trafficWeights: '' });
    await db.prisma.registry.updateMany({ where: { scenarioId }, data: { networkNodeId: null } });
    expect(await claimNextExperiment(db.prisma, 'tradeoff-test')).toBe(id);
    expect(await executeExperiment(db.prisma, id, { workerId: 'tradeoff-test' })).toEqual({ kind: 'recorded', status: 'error' });
    const [failed] = await listExperiments(db.prisma, scenarioId, { id });
    expect(failed.message).toMatch(/^No registry is attached/);
  });
});
