import type { ReactNode } from 'react';
import { NoScenario } from '@/components/scenarios/no-scenario';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentScenario, type CurrentScenario } from './current-scenario';

/** Renders the page for the current scenario, or the "no scenario yet" empty state. */
export async function withScenario(title: string, layer: string | undefined, render: (scenario: CurrentScenario) => Promise<ReactNode>) {
  const scenario = await getCurrentScenario();
  return (
    <>
      <PageHeader title={title} layer={layer} />
      {scenario ? await render(scenario) : <NoScenario />}
    </>
  );
}
