import { expect, test } from 'vitest';
import { resolveTestDatabaseUrl } from './test-database-url';

test('no TEST_DATABASE_URL: the embedded database, whatever DATABASE_URL says', () => {
  expect(resolveTestDatabaseUrl({ DATABASE_URL: 'postgresql://me@127.0.0.1/mine' })).toBeNull();
  expect(resolveTestDatabaseUrl({ TEST_DATABASE_URL: '  ' })).toBeNull();
});

test('a server on this machine is used', () => {
  for (const url of ['postgresql://root@127.0.0.1:5432/test', 'postgres://u:p@localhost/x', 'postgresql://[::1]/x', 'postgresql:///x?host=/var/run/postgresql']) {
    expect(resolveTestDatabaseUrl({ TEST_DATABASE_URL: url })).toBe(url);
  }
});

test('another host is refused unless EDGESTACK_TEST_ALLOW_REMOTE=1, and the message says how', () => {
  const env = { TEST_DATABASE_URL: 'postgresql://u@db.example.com:5432/prod' };
  expect(() => resolveTestDatabaseUrl(env)).toThrow(/"db\.example\.com", which is not this machine.*EDGESTACK_TEST_ALLOW_REMOTE=1/);
  expect(() => resolveTestDatabaseUrl({ TEST_DATABASE_URL: 'postgresql://u@localhost/x?host=db.example.com' })).toThrow(/not this machine/);
  expect(resolveTestDatabaseUrl({ ...env, EDGESTACK_TEST_ALLOW_REMOTE: '1' })).toBe(env.TEST_DATABASE_URL);
  expect(() => resolveTestDatabaseUrl({ TEST_DATABASE_URL: 'mysql://localhost/x' })).toThrow(/postgresql:\/\//);
  expect(() => resolveTestDatabaseUrl({ TEST_DATABASE_URL: 'not a url' })).toThrow(/not a URL/);
});
