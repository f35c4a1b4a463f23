// The test suite must never write to someone's own database: tests and the browser-test server
// read TEST_DATABASE_URL, never DATABASE_URL, and a server that is not on this machine is
// refused unless EDGESTACK_TEST_ALLOW_REMOTE=1 says that was meant. Each test file still
// creates and drops its own database on that server.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

class RemoteTestDatabaseError extends Error {}

/** The Postgres server tests may use, or null for the embedded database; throws when refused. */
export function resolveTestDatabaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.TEST_DATABASE_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteTestDatabaseError(`TEST_DATABASE_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new RemoteTestDatabaseError(`TEST_DATABASE_URL must be a postgresql:// URL, not ${parsed.protocol}//…`);
  }
  // libpq's host query parameter (a socket directory, or a host) wins over the URL's host.
  const host = parsed.searchParams.get('host') ?? parsed.hostname;
  const local = LOCAL_HOSTS.has(host) || host.startsWith('/') || host.startsWith('127.');
  if (!local && env.EDGESTACK_TEST_ALLOW_REMOTE !== '1') {
    throw new RemoteTestDatabaseError(
      `TEST_DATABASE_URL points at "${host}", which is not this machine. The tests create and drop databases there; ` +
        'set EDGESTACK_TEST_ALLOW_REMOTE=1 if that server is meant for tests.',
    );
  }
  return url;
}
