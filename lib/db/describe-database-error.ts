/**
 * Database refusals a person caused and can fix, as a sentence; null for anything else (a bug,
 * to be logged). Prisma wraps most Postgres errors as P2039 with the SQLSTATE inside.
 */
const BY_PRISMA_CODE: Record<string, string> = {
  P2002: 'That name is already taken.',
  P2003: 'This refers to something that no longer exists, or is still used by something else.',
  P2020: 'A number is too large for what it describes; nothing was saved.',
  P2025: 'This no longer exists; someone may have deleted it. Reload to see the current state.',
  P2028: 'The database was busy and the change was not saved. Try again.',
};

const BY_SQLSTATE: Record<string, string> = {
  '22003': 'A number is too large for what it describes; nothing was saved.',
  '22021': 'Text may not contain the NUL character (\\0); nothing was saved.',
  '22P05': 'Text may not contain the NUL character (\\0); nothing was saved.',
  '23514': 'A value is outside what this field allows (see the limits in the README); nothing was saved.',
};

export function describeDatabaseError(error: unknown): string | null {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  const sqlState = cause?.originalCode ?? cause?.code;
  if (sqlState && BY_SQLSTATE[sqlState]) return BY_SQLSTATE[sqlState];
  if (e?.code && BY_PRISMA_CODE[e.code]) return BY_PRISMA_CODE[e.code];
  return null;
}
