import type { Db } from '@/lib/db';
import { solvePlacement } from '@/lib/placement/solve-placement';
import { applyPlacementRun } from '@/lib/placement-runs/apply-placement-run';
import { enqueuePlacementRuns } from '@/lib/placement-runs/enqueue-placement-runs';
import { readQueuedRun } from '@/lib/placement-runs/read-queued-run';
import { recordRunResult } from '@/lib/placement-runs/record-run-result';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { buildDemoScenarioDocument } from './demo-scenario';

/** Writes the demo scenario; with `onlyIfEmpty`, only into a database with no scenario yet,
 * so that a first start shows something and later starts never resurrect a deleted demo.
 * Unless `withPlacement` is false, the demo is then placed (a greedy run, about a second) and
 * the run applied, which computes its control plan: a first start shows placement, routes,
 * flow rules and mesh configuration without a click. */
export async function seedDemoScenario(db: Db, options: { onlyIfEmpty?: boolean; name?: string; withPlacement?: boolean } = {}) {
  if (options.onlyIfEmpty && (await db.scenario.count()) > 0) return null;
  const document = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
  const created = await importScenarioDocument(db, document, { name: options.name });
  if (options.withPlacement !== false) await placeDemo(db, created.id);
  return created;
}

/** A real run of the greedy placement, recorded and applied as a person would from the Placement page. */
async function placeDemo(db: Db, scenarioId: string) {
  const { runIds } = await enqueuePlacementRuns(db, { scenarioId, algorithms: ['greedy'], engine: 'auto', objective: 'storage', timeLimitSec: 5, seed: 1 });
  const run = await db.placementRun.update({ where: { id: runIds[0] }, data: { status: 'running', startedAt: new Date(), claimedBy: 'demo seed' } });
  const queued = readQueuedRun(run);
  if (!queued.ok) throw new Error(`the demo's own run cannot be read: ${queued.message}`);
  const result = await solvePlacement(queued.run.problem, { algorithm: 'greedy', timeLimitSec: run.timeLimitSec, seed: run.seed });
  await recordRunResult(db, run.id, 'demo seed', result);
  if (result.status === 'optimal' || result.status === 'feasible') await applyPlacementRun(db, run.id);
}
