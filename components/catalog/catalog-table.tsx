import Link from 'next/link';
import type { ReactNode } from 'react';
import { applyCatalogQuery, hrefWith, readCatalogState, type CatalogSpec, type SearchParams } from './catalog-query';

export type CatalogColumn<T> = { key: string; header: string; cell: (row: T) => ReactNode; align?: 'left' | 'right'; sortable?: boolean };
export type CatalogFilter = { key: string; label: string; options: [string, string][] };

/** The options of a yes/no filter (the spec's filter reads `v === 'yes'`). */
export const YES_NO_OPTIONS: [string, string][] = [
  ['yes', 'yes'],
  ['no', 'no'],
];

/**
 * A catalog table with search, filters, sortable headers and pagination, all in the URL (a GET
 * form and links): server-rendered, shareable, usable without JavaScript.
 */
export function CatalogTable<T>({
  caption,
  path,
  params,
  rows,
  spec,
  columns,
  filters = [],
  rowKey,
  prefix = '',
  searchPlaceholder = 'Search',
  testId,
}: {
  caption: string;
  path: string;
  params: SearchParams;
  rows: T[];
  spec: CatalogSpec<T>;
  columns: CatalogColumn<T>[];
  filters?: CatalogFilter[];
  rowKey: (row: T) => string;
  prefix?: string;
  searchPlaceholder?: string;
  testId?: string;
}) {
  const state = readCatalogState(params, spec, prefix);
  const result = applyCatalogQuery(rows, spec, state);
  const p = (k: string) => `${prefix}${k}`;
  const kept = Object.entries(params).filter(([k]) => ![p('q'), p('page'), ...filters.map((f) => p(f.key))].includes(k));
  return (
    <div className="space-y-2" data-testid={testId}>
      <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm" role="search" aria-label={`Search ${caption.toLowerCase()}`}>
        {kept.map(([k, v]) => (typeof v === 'string' ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="flex flex-col">
          <span className="text-xs font-medium text-slate-600">Search {caption.toLowerCase()}</span>
          <input name={p('q')} defaultValue={state.q} placeholder={searchPlaceholder} className="w-64 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        {filters.map((f) => (
          <label key={f.key} className="flex flex-col">
            <span className="text-xs font-medium text-slate-600">{f.label}</span>
            <select name={p(f.key)} defaultValue={state.filters[f.key] ?? ''} className="rounded-md border border-slate-300 px-2 py-1">
              <option value="">All</option>
              {f.options.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50">
          Apply
        </button>
        <span className="ml-auto text-xs text-slate-500" data-testid={testId ? `${testId}-count` : undefined}>
          {result.total === result.all
            ? `${result.all.toLocaleString('en-US')} ${caption.toLowerCase()}`
            : `${result.total.toLocaleString('en-US')} of ${result.all.toLocaleString('en-US')} ${caption.toLowerCase()}`}
        </span>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              {columns.map((c) => {
                const active = state.sort === c.key;
                const sortable = c.sortable !== false && c.key in spec.sorts;
                const nextDir = active && state.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`px-3 py-2 ${c.align === 'right' ? 'text-right' : ''}`}
                    aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {sortable ? (
                      <Link href={hrefWith(path, params, { [p('sort')]: c.key, [p('dir')]: nextDir, [p('page')]: null })} className="hover:text-slate-900" scroll={false}>
                        {c.header}
                        {active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                  Nothing matches.
                </td>
              </tr>
            )}
            {result.rows.map((row) => (
              <tr key={rowKey(row)} className="hover:bg-slate-50">
                {columns.map((c) => (
                  <td key={c.key} className={`px-3 py-2 ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pages > 1 && (
        <nav aria-label={`${caption} pages`} className="flex items-center gap-2 text-sm">
          {result.page > 1 ? (
            <Link href={hrefWith(path, params, { [p('page')]: result.page - 1 })} scroll={false} className="rounded border border-slate-300 px-2 py-0.5">
              Previous
            </Link>
          ) : (
            <span className="rounded border border-slate-200 px-2 py-0.5 text-slate-400">Previous</span>
          )}
          <span>
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages ? (
            <Link href={hrefWith(path, params, { [p('page')]: result.page + 1 })} scroll={false} className="rounded border border-slate-300 px-2 py-0.5">
              Next
            </Link>
          ) : (
            <span className="rounded border border-slate-200 px-2 py-0.5 text-slate-400">Next</span>
          )}
        </nav>
      )}
    </div>
  );
}
