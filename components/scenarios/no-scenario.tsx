import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadDemoButton } from './load-demo-button';

export function NoScenario() {
  return (
    <EmptyState
      title="There is no scenario yet"
      action={
        <>
          <Link href="/samples" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
            Start from a sample
          </Link>
          <Link href="/scenarios" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Create or import a scenario
          </Link>
          <LoadDemoButton />
        </>
      }
    >
      Everything in edgestack belongs to a scenario: a model of your edge with its servers, network, services and controllers. Start from a sample built from public data, create an
      empty one, import a scenario JSON file, or load the demo metro edge to look around.
    </EmptyState>
  );
}
