import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Placement' };

export default async function PlacementPage() {
  return withScenario('Placement', 'Placement', async () => (
    <EmptyState title="No placement runs yet">
      Running the layer-sharing-aware optimizer from the browser is not available yet. The command line solves placement problems today:{' '}
      <code className="rounded bg-slate-100 px-1">npx edgestack placement solve problem.json</code>.
    </EmptyState>
  ));
}
