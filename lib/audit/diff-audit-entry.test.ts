import { describe, expect, test } from 'vitest';
import { diffAuditEntry, showValue } from './diff-audit-entry';

describe('diffAuditEntry', () => {
  test('an update shows only what differs, before and after', () => {
    expect(diffAuditEntry({ id: 's1', name: 'North', cpu: 4, updatedAt: 'a' }, { id: 's1', name: 'South', cpu: 4, updatedAt: 'b' })).toEqual([
      { field: 'name', before: 'North', after: 'South' },
    ]);
  });
  test('a create shows every new value; a delete every old one', () => {
    expect(diffAuditEntry(null, { id: 's1', tags: ['a'] })).toEqual([
      { field: 'id', after: 's1' },
      { field: 'tags', after: '["a"]' },
    ]);
    expect(diffAuditEntry({ id: 's1', port: null }, null)).toEqual([
      { field: 'id', before: 's1' },
      { field: 'port', before: 'null' },
    ]);
  });
  test('long values are cut to one line', () => {
    expect(showValue('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
