// URL-driven table state for the catalog pages: search, filters, sort and page live in the query
// string, so every view is a link and works without JavaScript. Pure; rows are plain objects.

export type SearchParams = Record<string, string | string[] | undefined>;

export type CatalogSpec<T> = {
  /** Text the search box matches (case-insensitive substring). */
  search: (row: T) => string;
  /** Sortable columns: key → value to sort by. */
  sorts: Record<string, (row: T) => string | number>;
  defaultSort: string;
  defaultDir?: 'asc' | 'desc';
  /** Filters: key → predicate given the chosen value. */
  filters?: Record<string, (row: T, value: string) => boolean>;
  pageSize?: number;
};

export type CatalogState = { q: string; sort: string; dir: 'asc' | 'desc'; page: number; filters: Record<string, string> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Reads the table state from the query string; `prefix` lets two tables share a page. */
export function readCatalogState<T>(params: SearchParams, spec: CatalogSpec<T>, prefix = ''): CatalogState {
  const sort = one(params[`${prefix}sort`]);
  const dir = one(params[`${prefix}dir`]);
  const filters: Record<string, string> = {};
  for (const key of Object.keys(spec.filters ?? {})) {
    const v = one(params[`${prefix}${key}`]);
    if (v) filters[key] = v;
  }
  return {
    q: one(params[`${prefix}q`]).trim(),
    sort: sort in spec.sorts ? sort : spec.defaultSort,
    dir: dir === 'asc' || dir === 'desc' ? dir : (spec.defaultDir ?? 'asc'),
    page: Math.max(1, Math.floor(Number(one(params[`${prefix}page`])) || 1)),
    filters,
  };
}

export function applyCatalogQuery<T>(rows: T[], spec: CatalogSpec<T>, state: CatalogState) {
  const q = state.q.toLowerCase();
  let out = q ? rows.filter((r) => spec.search(r).toLowerCase().includes(q)) : rows;
  for (const [key, value] of Object.entries(state.filters)) {
    const predicate = spec.filters?.[key];
    if (predicate) out = out.filter((r) => predicate(r, value));
  }
  const by = spec.sorts[state.sort];
  const sign = state.dir === 'asc' ? 1 : -1;
  out = [...out].sort((a, b) => {
    const x = by(a);
    const y = by(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true })) * sign;
  });
  const pageSize = spec.pageSize ?? 50;
  const pages = Math.max(1, Math.ceil(out.length / pageSize));
  const page = Math.min(state.page, pages);
  return { rows: out.slice((page - 1) * pageSize, page * pageSize), total: out.length, all: rows.length, page, pages, pageSize };
}

/** A link to the same page with some parameters changed (empty values dropped). */
export function hrefWith(path: string, params: SearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = one(v);
    if (value) next.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/** "sha256:ab12", "ab12…" or a bare hex prefix, normalised for matching against digests. */
export function digestQuery(raw: string): string {
  return raw.trim().toLowerCase().replace(/…$/, '');
}
