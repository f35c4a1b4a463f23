import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ObjectiveWeights, PlacementResult } from '@/lib/placement/types';
import { costIsBytes } from './objective-weights';
import { heldBy } from './claim-queued-work';
import { statusToDb } from './placement-run-schema';

const big = (value: number | null | undefined) => (value === null || value === undefined ? null : BigInt(Math.round(value)));

/**
 * Stores a finished run: the result as the engine returned it (with its terms, for a version-2
 * problem solved under `weights`), its figures, and one Assignment
 * per replica — in one transaction, so a run is never "done" without its assignments. Container
 * and server names are resolved against the scenario as it is now; if something the run placed
 * was deleted meanwhile, the run is stored as an error saying so.
 *
 * Only the worker still holding the claim may write: the update is conditional on
 * `status = 'running' AND claimedBy = workerId`. When it matches nothing (the run was
 * cancelled, deleted, or taken back by recovery and maybe claimed again), nothing is written
 * and the answer is `{ recorded: false }`: the caller lost the claim and discards its result.
 */
export async function recordRunResult(db: Db, runId: string, workerId: string, result: PlacementResult, weights?: ObjectiveWeights): Promise<{ recorded: boolean }> {
  return db.$transaction(async (tx) => {
    const run = await tx.placementRun.findFirst({ where: heldBy(runId, workerId), select: { scenarioId: true } });
    if (!run) return { recorded: false };
    let status = statusToDb(result.status);
    let message = result.message ?? null;
    const assignments: Prisma.AssignmentCreateManyInput[] = [];
    if (result.assignment && (result.status === 'optimal' || result.status === 'feasible')) {
      const [services, servers] = await Promise.all([
        tx.service.findMany({ where: { scenarioId: run.scenarioId }, select: { id: true, name: true } }),
        tx.edgeServer.findMany({ where: { scenarioId: run.scenarioId }, select: { id: true, name: true } }),
      ]);
      const serviceIds = new Map(services.map((s) => [s.name, s.id]));
      const serverIds = new Map(servers.map((s) => [s.name, s.id]));
      const lost: string[] = [];
      for (const [container, server] of Object.entries(result.assignment)) {
        const match = /^(.*)-(\d+)$/.exec(container);
        const serviceId = match ? serviceIds.get(match[1]) : undefined;
        const edgeServerId = serverIds.get(server);
        if (!match || !serviceId || !edgeServerId) lost.push(!serviceId ? container : server);
        else assignments.push({ runId, serviceId, replica: Number(match[2]), edgeServerId });
      }
      if (lost.length > 0) {
        status = 'error';
        message = `The scenario changed while this run was solving: ${[...new Set(lost)].slice(0, 5).join(', ')} no longer exist. Start a new run.`;
        assignments.length = 0;
      }
    }
    // costBytes stays the bytes stored (what every list and chart compares); a weighted run's
    // total and its bound, in bytes-equivalent, are the result's `cost` and `lowerBound`, beside
    // its `terms`. Its bound is not one on the bytes stored, so the column leaves it out.
    const weighted = !costIsBytes(weights);
    const { count } = await tx.placementRun.updateMany({
      where: heldBy(runId, workerId),
      data: {
        status,
        message,
        costBytes: big(result.cost === null ? null : (result.terms?.storageBytes ?? result.cost)),
        lowerBoundBytes: weighted ? null : big(result.lowerBound),
        noSharingBytes: big(result.noSharingCost),
        elapsedMs: Math.round(result.elapsedMs),
        result,
        finishedAt: new Date(),
      },
    });
    // The conditional update locks the row: a recovery or cancel racing this one waits for
    // the transaction and then finds the run no longer running.
    if (count !== 1) return { recorded: false };
    if (assignments.length) await tx.assignment.createMany({ data: assignments });
    return { recorded: true };
  });
}
