import type { Metadata } from 'next';
import { PlacementWorkspace } from '@/components/placement/placement-workspace';
import { getDb } from '@/lib/db';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { listPlacementRuns } from '@/lib/placement-runs/list-placement-runs';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Placement' };

export default async function PlacementPage() {
  return withScenario('Placement', 'Layer-sharing-aware placement', async (scenario) => {
    const db = await getDb();
    const [built, runs, applied] = await Promise.all([
      buildPlacementProblem(db, scenario.id),
      listPlacementRuns(db, scenario.id),
      db.scenario.findUnique({ where: { id: scenario.id }, select: { appliedRun: { select: { id: true, algorithm: true } } } }),
    ]);
    const summary = built.ok
      ? {
          containers: built.problem.containers.length,
          edgeServers: built.problem.servers.length,
          layers: built.problem.layers.length,
          policies: built.problem.policies.length,
        }
      : null;
    return (
      <PlacementWorkspace
        scenarioId={scenario.id}
        initialRuns={runs}
        summary={summary}
        blocked={built.ok ? null : describeBuildFailure(built)}
        missingServices={!built.ok && built.reason === 'missing-layer-data' ? built.services : []}
        appliedRun={applied?.appliedRun ?? null}
      />
    );
  });
}
