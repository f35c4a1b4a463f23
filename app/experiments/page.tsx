import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Experiments' };

export default async function ExperimentsPage() {
  return withScenario('Experiments', 'Placement', async () => (
    <EmptyState title="No experiments yet">
      The paper&rsquo;s figures (storage cost against the number of containers, and against server capacity) will be run and charted here. The
      benchmark <code className="rounded bg-slate-100 px-1">npm run bench:placement</code> reproduces them on the command line.
    </EmptyState>
  ));
}
