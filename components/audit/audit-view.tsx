import Link from 'next/link';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditFilter } from '@/lib/audit/audit-filter-schema';
import type { AuditPage } from '@/lib/audit/list-audit-entries';

const inputClass = 'rounded-md border border-slate-300 px-2 py-1 text-sm';
const dateOnly = (d?: Date) => (d ? d.toISOString().slice(0, 10) : '');

/** Query string of `filter` with `page`, for the paging links. */
function pageHref(basePath: string, filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.scenarioId && !basePath.includes(filter.scenarioId)) params.set('scenarioId', filter.scenarioId);
  if (filter.entity) params.set('entity', filter.entity);
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', dateOnly(filter.from));
  if (filter.to) params.set('to', dateOnly(filter.to));
  params.set('page', String(page));
  return `${basePath}?${params}`;
}

/** The audit trail as a filterable, paged table (a plain GET form: works without JavaScript). */
export function AuditView({
  data,
  filter,
  facets,
  basePath,
  scenarios,
}: {
  data: AuditPage;
  filter: AuditFilter;
  facets: { actors: string[]; entities: string[] };
  basePath: string;
  /** Offered as a filter on the whole trail; absent on one scenario's history. */
  scenarios?: { id: string; name: string }[];
}) {
  return (
    <>
      <form method="get" action={basePath} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filter the audit trail">
        <label className="flex flex-col text-xs font-medium text-slate-600">
          User
          <input name="actor" list="audit-actors" defaultValue={filter.actor ?? ''} className={inputClass} placeholder="email, cli or system" />
          <datalist id="audit-actors">
            {facets.actors.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        {scenarios && (
          <label className="flex flex-col text-xs font-medium text-slate-600">
            Scenario
            <select name="scenarioId" defaultValue={filter.scenarioId ?? ''} className={inputClass}>
              <option value="">any</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Entity
          <select name="entity" defaultValue={filter.entity ?? ''} className={inputClass}>
            <option value="">any</option>
            {facets.entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Action
          <select name="action" defaultValue={filter.action ?? ''} className={inputClass}>
            <option value="">any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          From (UTC)
          <input type="date" name="from" defaultValue={dateOnly(filter.from)} className={inputClass} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          To (UTC)
          <input type="date" name="to" defaultValue={dateOnly(filter.to)} className={inputClass} />
        </label>
        <button type="submit" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
          Filter
        </button>
        <Link href={basePath} className="px-2 py-1.5 text-sm text-blue-700 hover:underline">
          Clear
        </Link>
      </form>

      <p className="mb-2 text-sm text-slate-600" data-testid="audit-count">
        {data.total === 0 ? 'No entries match.' : `${data.total} ${data.total === 1 ? 'entry' : 'entries'}, newest first · page ${data.page} of ${data.pages}`}
      </p>
      {data.entries.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Audit entries</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When (UTC)
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  What
                </th>
                {scenarios && (
                  <th scope="col" className="px-3 py-2">
                    Scenario
                  </th>
                )}
                <th scope="col" className="px-3 py-2">
                  Changes (before → after)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry" className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{e.at.replace('T', ' ').slice(0, 19)}</td>
                  <td className="px-3 py-2">{e.actor}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{e.entity}</span> {AUDIT_ACTION_LABELS[e.action as keyof typeof AUDIT_ACTION_LABELS] ?? e.action}
                    <div className="font-mono text-xs text-slate-500" title={e.entityId}>
                      {e.entityId.length > 24 ? `${e.entityId.slice(0, 23)}…` : e.entityId}
                    </div>
                  </td>
                  {scenarios && (
                    <td className="px-3 py-2">
                      {e.scenarioId ? (
                        <Link href={`/scenarios/${e.scenarioId}/history`} className="text-blue-700 hover:underline">
                          {e.scenarioName ?? '(deleted)'}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                  <td className="px-3 py-2">
                    <ul className="space-y-0.5">
                      {e.changes.map((c) => (
                        <li key={c.field} className="break-all">
                          <span className="font-medium text-slate-700">{c.field}</span>: {c.before !== undefined && <del className="bg-red-50 text-red-800">{c.before}</del>}
                          {c.before !== undefined && c.after !== undefined && ' → '}
                          {c.after !== undefined && <ins className="bg-green-50 text-green-800 no-underline">{c.after}</ins>}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 && (
        <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
          {data.page > 1 && (
            <Link href={pageHref(basePath, filter, data.page - 1)} className="text-blue-700 hover:underline">
              ← Newer
            </Link>
          )}
          {data.page < data.pages && (
            <Link href={pageHref(basePath, filter, data.page + 1)} className="text-blue-700 hover:underline">
              Older →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
