import { ERROR_CODES } from '@/lib/error-codes';

/**
 * Whether an error means the database could not be reached (down, restarting, network cut), as
 * opposed to a query that the database refused. Pages show a "database unavailable" state for
 * these and recover by themselves once it is back; actions say that nothing was saved.
 */
// Prisma: can't reach, timed out, operation timed out, connection closed, pool timed out.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Node sockets and node-postgres, for the plain SQL runner (migrations).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// Postgres: admin shutdown, crash shutdown, cannot connect now; class 08 is connection exceptions.
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated unexpectedly|Can't reach database server/.test(message)) return true;
    const meta = (e as { meta?: { driverAdapterError?: unknown } }).meta;
    const adapterKind = (meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind;
    if (adapterKind === 'DatabaseNotReachable' || adapterKind === 'ConnectionClosed' || adapterKind === 'SocketTimeout') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = ERROR_CODES.DATABASE_UNAVAILABLE.message;
