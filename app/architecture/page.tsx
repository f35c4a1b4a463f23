import type { Metadata } from 'next';
import { ArchitectureEditor } from '@/components/architecture/architecture-editor';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { getDb } from '@/lib/db';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Architecture' };

export default async function ArchitecturePage() {
  return withScenario('Architecture', 'Four layers', async (scenario) => {
    const snapshot = await loadArchitecture(await getDb(), scenario.id);
    // Keyed by scenario and load time: switching scenario or reloading mounts a fresh editor.
    return <ArchitectureEditor key={`${scenario.id}@${snapshot.loadedAt}`} snapshot={snapshot} />;
  });
}
