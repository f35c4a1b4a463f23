import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises the error Prisma throws when nothing listens on the database port', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const db = await openDatabase({ kind: 'postgres', url: 'postgresql://root@127.0.0.1:1/none' });
    try {
      const error = await db.prisma.scenario.count().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      const raw = await db.sql.query('select 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(raw)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('does not take a refused query for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Unexpected token'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('looks through causes', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('migration failed', { cause: inner }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
  });
});
