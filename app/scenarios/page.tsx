import type { Metadata } from 'next';
import { ScenarioManager } from '@/components/scenarios/scenario-manager';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/db';
import { DEMO_SCENARIO_NAME } from '@/lib/demo/demo-scenario';
import { listScenarios } from '@/lib/scenarios/list-scenarios';
import { getCurrentScenario } from '../current-scenario';

export const metadata: Metadata = { title: 'Scenarios' };

export default async function ScenariosPage() {
  const [scenarios, current] = await Promise.all([listScenarios(await getDb()), getCurrentScenario()]);
  return (
    <>
      <PageHeader title="Scenarios" layer="Data" />
      <p className="-mt-4 mb-6 max-w-3xl text-sm text-slate-600">
        A scenario is one model of your edge. Clone one to try a what-if without touching the original; export it as JSON to back it up or hand it to someone; import that JSON to
        restore it.
      </p>
      <ScenarioManager scenarios={scenarios} currentId={current?.id ?? null} demoMissing={!scenarios.some((s) => s.name === DEMO_SCENARIO_NAME)} />
    </>
  );
}
