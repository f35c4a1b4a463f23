import { randomUUID } from 'node:crypto';
import { DomainError } from '@/lib/errors';

export type EntityCounts = { created: number; updated: number; unchanged: number };

/** A scenario row an import can merge into: found by name, updated only at the version read. */
type StoredRow = { id: string; name: string; version: number };

export type NewRow<Data> = Data & { id: string; name: string };

// A row holds every field the import writes, so the two compare field by field.
type RowOf<Data> = StoredRow & Record<keyof Data, unknown>;

export type MergeByName<Planned extends { name: string }, Row extends RowOf<Data>, Data extends object> = {
  planned: readonly Planned[];
  /** The scenario's rows with these names. */
  find: (names: string[]) => Promise<Row[]>;
  /** The values the row should hold; `old` is the stored row, when there is one. */
  data: (planned: Planned, old: Row | undefined) => Data;
  /** Writes `data` to the row only if its version is still `old.version`. */
  update: (old: Row, data: Data) => Promise<{ count: number }>;
  create: (rows: NewRow<Data>[]) => Promise<unknown>;
};

export type Merged = { ids: Map<string, string>; counts: EntityCounts };

/**
 * Matches planned entities to the scenario's rows by name: a new name is created, a row whose
 * values differ is updated (and its version bumped by `update`), a row that holds them already is
 * left alone. Returns the id of every planned name.
 */
export async function mergeByName<Planned extends { name: string }, Row extends RowOf<Data>, Data extends object>(merge: MergeByName<Planned, Row, Data>): Promise<Merged> {
  const ids = new Map<string, string>();
  const counts: EntityCounts = { created: 0, updated: 0, unchanged: 0 };
  if (merge.planned.length === 0) return { ids, counts };
  const byName = new Map((await merge.find(merge.planned.map((p) => p.name))).map((row) => [row.name, row]));
  const create: NewRow<Data>[] = [];
  for (const planned of merge.planned) {
    const old = byName.get(planned.name);
    const data = merge.data(planned, old);
    if (!old) {
      const id = randomUUID();
      ids.set(planned.name, id);
      create.push({ ...data, id, name: planned.name });
      counts.created++;
    } else if (sameValues(old, data)) {
      ids.set(planned.name, old.id);
      counts.unchanged++;
    } else {
      ids.set(planned.name, old.id);
      assertUnchanged(await merge.update(old, data), old);
      counts.updated++;
    }
  }
  await merge.create(create);
  return { ids, counts };
}

/** Whether the row already holds every value of `data`. */
export function sameValues<Data extends object>(old: Record<keyof Data, unknown>, data: Data): boolean {
  return (Object.keys(data) as (keyof Data)[]).every((key) => sameValue(old[key], data[key]));
}

// Lists (accelerators) compare element by element, in order; a reordered list counts as a change.
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}

/** An update matched on the version read: a row someone changed since is refused, not overwritten. */
function assertUnchanged(updated: { count: number }, old: { name: string }) {
  if (updated.count === 0) {
    throw new DomainError('STALE_VERSION', `“${old.name}” was changed by someone else while the import ran; nothing was imported. Import the file again.`);
  }
}
