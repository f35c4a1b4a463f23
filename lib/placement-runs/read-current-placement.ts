import type { Db } from '@/lib/db';
import type { Assignment } from '@/lib/placement/types';
import { parseStoredRun } from './parse-stored-run';

/** container id (`<service>-<replica>`) → edge server name. */
export type CurrentPlacement = { runId: string; assignment: Assignment };

/**
 * The placement in force: the scenario's applied run, by the names things have now; null when no
 * run is applied. Its Assignment rows give the replicas whose service and server still exist,
 * under their current names. Deleting an edge server deletes its rows, so the run's stored result
 * adds the replicas the rows no longer have, on the server they were on: a removed server's
 * replicas then count as moved wherever they go. Entries naming what no longer exists (a removed
 * server, a service renamed or scaled down since) are kept: the engine ignores containers and
 * servers the problem does not have.
 */
export async function readCurrentPlacement(db: Db, scenarioId: string): Promise<CurrentPlacement | null> {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      appliedRun: {
        select: {
          id: true,
          result: true,
          assignments: { select: { replica: true, service: { select: { name: true } }, edgeServer: { select: { name: true } } } },
        },
      },
    },
  });
  const run = scenario?.appliedRun;
  if (!run) return null;
  const stored = parseStoredRun({ problem: null, result: run.result }).result?.assignment ?? {};
  const rows = Object.fromEntries(run.assignments.map((a) => [`${a.service.name}-${a.replica}`, a.edgeServer.name]));
  const assignment: Assignment = { ...stored, ...rows };
  return { runId: run.id, assignment: Object.fromEntries(Object.entries(assignment).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
