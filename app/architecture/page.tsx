import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Architecture' };

export default async function ArchitecturePage() {
  return withScenario('Architecture', 'Four layers', async (scenario) => (
    <EmptyState title="The graph editor is not built yet">
      <p>
        This page will draw {scenario.name} as one editable graph of its four layers — control, service, network and physical. Until then, each layer is
        listed on its own page:{' '}
        <Link className="text-blue-700 underline" href="/controllers">
          controllers
        </Link>
        ,{' '}
        <Link className="text-blue-700 underline" href="/services">
          services
        </Link>
        ,{' '}
        <Link className="text-blue-700 underline" href="/network">
          network
        </Link>{' '}
        and{' '}
        <Link className="text-blue-700 underline" href="/servers">
          edge servers
        </Link>
        .
      </p>
    </EmptyState>
  ));
}
