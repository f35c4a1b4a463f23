import type { Metadata } from 'next';
import { ExperimentsWorkspace } from '@/components/experiments/experiments-workspace';
import { getDb } from '@/lib/db';
import { buildNetworkProblem } from '@/lib/experiments/build-tradeoff-problem';
import { checkTradeoffAxes } from '@/lib/experiments/derive-tradeoff-problem';
import { listExperiments } from '@/lib/experiments/list-experiments';
import { describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Experiments' };

export default async function ExperimentsPage() {
  return withScenario('Experiments', 'Placement', async (scenario) => {
    const db = await getDb();
    // One build serves both notes: the version-2 problem has the figures' replicas and edge servers too.
    const [experiments, built] = await Promise.all([listExperiments(db, scenario.id), buildNetworkProblem(db, scenario.id)]);
    // Say up front whether "derived from this scenario" and the sweep can work, rather than only after a click.
    const unusable = !built.ok
      ? `Not available for this scenario yet: ${describeBuildFailure(built)}`
      : built.problem.containers.length === 0
        ? 'Not available: this scenario has no service replicas to derive instances from.'
        : null;
    const scenarioNote =
      unusable ??
      (built.ok
        ? `Its ${built.problem.containers.length} replicas, repeated to reach each count, on its ${built.problem.servers.length} edge servers with capacities scaled by the multiplier; only utilisation caps are kept.`
        : null);
    const axes = built.ok && !unusable ? checkTradeoffAxes(built.problem) : null;
    const tradeoffNotes = {
      startup: axes ? (axes.startup.ok ? null : axes.startup.reason) : unusable,
      traffic: axes ? (axes.traffic.ok ? null : axes.traffic.reason) : unusable,
    };
    return <ExperimentsWorkspace scenarioId={scenario.id} initialExperiments={experiments} scenarioNote={scenarioNote} tradeoffNotes={tradeoffNotes} />;
  });
}
