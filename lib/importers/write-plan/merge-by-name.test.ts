import { describe, expect, test } from 'vitest';
import { DomainError } from '@/lib/errors';
import { mergeByName, sameValues, type NewRow } from './merge-by-name';

type Row = { id: string; name: string; version: number; size: number; tags: string[] };
type Planned = { name: string; size?: number; tags: string[] };

function fakeTable(rows: Row[], options: { staleOn?: string } = {}) {
  const updated: { name: string; data: { size: number; tags: string[] } }[] = [];
  const created: NewRow<{ size: number; tags: string[] }>[] = [];
  let finds = 0;
  const merge = (planned: Planned[]) =>
    mergeByName({
      planned,
      find: (names) => {
        finds++;
        return Promise.resolve(rows.filter((r) => names.includes(r.name)));
      },
      // What the file does not state, the row keeps.
      data: (p, old) => ({ size: p.size ?? old?.size ?? 1, tags: p.tags }),
      update: (old, data) => {
        if (old.name === options.staleOn) return Promise.resolve({ count: 0 });
        updated.push({ name: old.name, data });
        return Promise.resolve({ count: 1 });
      },
      create: (newRows) => Promise.resolve(created.push(...newRows)),
    });
  return { merge, updated, created, finds: () => finds };
}

const stored: Row[] = [
  { id: 'a-id', name: 'a', version: 3, size: 5, tags: ['x', 'y'] },
  { id: 'b-id', name: 'b', version: 1, size: 2, tags: [] },
];

describe('mergeByName', () => {
  test('creates new names, updates rows that differ, leaves rows that hold the values already', async () => {
    const table = fakeTable(stored);
    const { ids, counts } = await table.merge([
      { name: 'a', tags: ['x', 'y'] },
      { name: 'b', size: 9, tags: [] },
      { name: 'c', tags: ['z'] },
    ]);
    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(table.updated).toEqual([{ name: 'b', data: { size: 9, tags: [] } }]);
    expect(table.created).toEqual([{ id: ids.get('c'), name: 'c', size: 1, tags: ['z'] }]);
    expect(ids.get('a')).toBe('a-id');
    expect(ids.get('b')).toBe('b-id');
    expect(ids.get('c')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a row changed since it was read is refused with STALE_VERSION', async () => {
    const table = fakeTable(stored, { staleOn: 'b' });
    const merging = table.merge([{ name: 'b', size: 9, tags: [] }]);
    await expect(merging).rejects.toBeInstanceOf(DomainError);
    await expect(merging).rejects.toMatchObject({ code: 'STALE_VERSION' });
  });

  test('nothing planned reads and writes nothing', async () => {
    const table = fakeTable(stored);
    expect(await table.merge([])).toEqual({ ids: new Map(), counts: { created: 0, updated: 0, unchanged: 0 } });
    expect(table.finds()).toBe(0);
  });
});

describe('sameValues', () => {
  test('compares every field of the new values; arrays by their elements in order', () => {
    const row = { id: 'r', size: 1, tags: ['a', 'b'] };
    expect(sameValues(row, { size: 1, tags: ['a', 'b'] })).toBe(true);
    expect(sameValues({ size: 1, tags: ['b', 'a'] }, { size: 1, tags: ['a', 'b'] })).toBe(false);
    expect(sameValues({ size: 1, tags: ['a,b'] }, { size: 1, tags: ['a', 'b'] })).toBe(false);
    expect(sameValues({ size: 1n, at: null }, { size: 1n, at: null })).toBe(true);
    expect(sameValues({ size: 1, at: null }, { size: 1, at: 0 })).toBe(false);
  });
});
