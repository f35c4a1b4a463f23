import type { Metadata } from 'next';
import { ArchitectureEditor } from '@/components/architecture/architecture-editor';
import { buildControlOverlay } from '@/lib/architecture/control-overlay';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { loadLatestControlPlan } from '@/lib/control-plans/list-control-artifacts';
import { getDb } from '@/lib/db';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Architecture' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ArchitecturePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The view (scope, expanded groups, filters, selection, viewport) is in the URL: the editor
  // parses it before its first draw, so a shared link opens on the same view.
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) query.append(k, one);
  return withScenario('Architecture', 'Four layers', async (scenario) => {
    const db = await getDb();
    const [snapshot, plan] = await Promise.all([loadArchitecture(db, scenario.id), loadLatestControlPlan(db, scenario.id)]);
    // Keyed by scenario and load time: switching scenario or reloading mounts a fresh editor.
    return <ArchitectureEditor key={`${scenario.id}@${snapshot.loadedAt}`} snapshot={snapshot} query={query.toString()} control={buildControlOverlay(plan)} />;
  });
}
