import type { Metadata } from 'next';
import { AuditView } from '@/components/audit/audit-view';
import { PageHeader } from '@/components/ui/page-header';
import { auditFilterSchema } from '@/lib/audit/audit-filter-schema';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/list-audit-entries';
import { requirePageRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { listScenarioNames } from '@/lib/scenarios/list-scenario-names';

export const metadata: Metadata = { title: 'Audit' };

/** The whole audit trail, user management included: operators and admins. Each scenario's own
 * history (/scenarios/[id]/history) is open to every role. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('operator', '/audit');
  if (!actor) {
    return (
      <>
        <PageHeader title="Audit" layer="Administration" />
        <p className="text-sm text-slate-700">The audit trail is for operators and admins. Each scenario&apos;s history is on the Scenarios page.</p>
      </>
    );
  }
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = await getDb();
  const [data, facets, scenarios] = await Promise.all([listAuditEntries(db, filter), listAuditFacets(db), listScenarioNames(db)]);
  return (
    <>
      <PageHeader title="Audit" layer="Administration" />
      <p className="-mt-4 mb-4 max-w-3xl text-sm text-slate-600">
        Every change, written by the database in the same transaction as the change: who (a user&apos;s email, <code>cli</code> for the command line, <code>system</code> for the
        work queue), when, which scenario and entity, and the values before and after.
      </p>
      <AuditView data={data} filter={filter} facets={facets} basePath="/audit" scenarios={scenarios} />
    </>
  );
}
