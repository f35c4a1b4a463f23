import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditView } from '@/components/audit/audit-view';
import { PageHeader } from '@/components/ui/page-header';
import { auditFilterSchema } from '@/lib/audit/audit-filter-schema';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/list-audit-entries';
import { requirePageActor } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { readScenarioName } from '@/lib/scenarios/read-scenario-name';

export const metadata: Metadata = { title: 'Scenario history' };

/** Who changed what in one scenario, newest first; open to every role. */
export default async function ScenarioHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePageActor(`/scenarios/${id}/history`);
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({ ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])), scenarioId: id });
  const db = await getDb();
  const [scenarioName, data, facets] = await Promise.all([readScenarioName(db, id), listAuditEntries(db, filter), listAuditFacets(db)]);
  return (
    <>
      <PageHeader title={`History of ${scenarioName ?? 'a deleted scenario'}`} layer="Data" />
      <p className="-mt-4 mb-4 text-sm text-slate-600">
        <Link href="/scenarios" className="text-blue-700 hover:underline">
          ← Scenarios
        </Link>
      </p>
      <AuditView data={data} filter={filter} facets={facets} basePath={`/scenarios/${id}/history`} />
    </>
  );
}
