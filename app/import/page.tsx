import type { Metadata } from 'next';
import { IfRole, ReadOnlyNote } from '@/components/auth/role-context';
import { ImportWizard } from '@/components/import/import-wizard';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentScenario } from '../current-scenario';

export const metadata: Metadata = { title: 'Import' };

const KINDS = ['topology', 'images', 'services', 'sites', 'nodes'] as const;

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const scenario = await getCurrentScenario();
  const kindParam = typeof params.kind === 'string' ? params.kind : '';
  const kind = (KINDS as readonly string[]).includes(kindParam) ? (kindParam as (typeof KINDS)[number]) : 'topology';
  const initialOptions: Record<string, unknown> = {};
  if (typeof params.reference === 'string') initialOptions.reference = params.reference;
  if (typeof params.arch === 'string') initialOptions.arch = params.arch;
  return (
    <>
      <PageHeader title="Import and export" layer="Data" />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">
        Bring the files you already have: a topology, image manifests, application manifests, a list of edge sites or an inventory of machines. You see what the file holds and what
        it will become before anything is written; an import runs in one transaction, and importing the same file again adds nothing.
      </p>
      <IfRole min="planner" fallback={<ReadOnlyNote min="planner" what="Importing files" />}>
        <ImportWizard current={scenario ? { id: scenario.id, name: scenario.name } : null} initialKind={kind} initialOptions={initialOptions} />
      </IfRole>
      {scenario && (
        <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-labelledby="export-heading">
          <h2 id="export-heading" className="mb-2 text-base font-semibold">
            Export {scenario.name}
          </h2>
          <ul className="space-y-1">
            <li>
              <a className="text-blue-700 underline" href={`/api/scenarios/${scenario.id}/export`}>
                Scenario JSON
              </a>{' '}
              — the whole scenario, lossless; import it on the Scenarios page or with <code>edgestack</code>.
            </li>
            <li>
              <a className="text-blue-700 underline" href={`/api/scenarios/${scenario.id}/topology`}>
                Topology GraphML
              </a>{' '}
              — network nodes, edge servers and links, readable by Gephi, NetworkX or yEd.
            </li>
            <li>
              <a className="text-blue-700 underline" href={`/api/scenarios/${scenario.id}/placement-export?format=yaml`}>
                Placement as Kubernetes manifests
              </a>{' '}
              — one Deployment per service and edge server, pinned with node affinity (the applied run, else the latest).
            </li>
            <li>
              <a className="text-blue-700 underline" href={`/api/scenarios/${scenario.id}/placement-export?format=csv`}>
                Placement assignments CSV
              </a>{' '}
              — one row per replica.
            </li>
          </ul>
        </section>
      )}
    </>
  );
}
