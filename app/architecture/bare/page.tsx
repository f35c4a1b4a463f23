import type { Metadata } from 'next';
import { BareFlow } from '@/components/architecture/bare-flow';
import { buildBareGraph } from '@/lib/architecture/bare-graph';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { getDb } from '@/lib/db';
import { withScenario } from '../../require-scenario';

export const metadata: Metadata = { title: 'Architecture (bare React Flow baseline)' };

/** The benchmark's baseline: the current scenario drawn by bare React Flow (read-only use). */
export default async function BareArchitecturePage() {
  return withScenario('Architecture: bare React Flow baseline', 'For the benchmark', async (scenario) => {
    const graph = buildBareGraph(await loadArchitecture(await getDb(), scenario.id));
    return <BareFlow nodes={graph.nodes} edges={graph.edges} elk={graph.elk} />;
  });
}
