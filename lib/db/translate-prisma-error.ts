import { ERROR_CODES } from '@/lib/error-codes';
import { DomainError, type ErrorCode } from '@/lib/errors';

type Translation = { code: ErrorCode; message?: string };

// Database refusals a person caused and can fix. Prisma wraps most Postgres errors as P2039 with
// the SQLSTATE inside, so that is read first.
const BY_SQLSTATE: Record<string, Translation> = {
  '22003': { code: 'INVALID_INPUT', message: 'A number is too large for what it describes; nothing was saved.' },
  '22021': { code: 'INVALID_INPUT', message: 'Text may not contain the NUL character (\\0); nothing was saved.' },
  '22P05': { code: 'INVALID_INPUT', message: 'Text may not contain the NUL character (\\0); nothing was saved.' },
  '23514': { code: 'INVALID_INPUT', message: 'A value is outside what this field allows (see the limits in the README); nothing was saved.' },
};

const BY_PRISMA_CODE: Record<string, Translation> = {
  P2002: { code: 'NAME_TAKEN' },
  P2003: { code: 'REFERENCED' },
  P2020: { code: 'INVALID_INPUT', message: 'A number is too large for what it describes; nothing was saved.' },
  P2025: { code: 'NOT_FOUND' },
  P2028: { code: 'DATABASE_LOCKED' },
};

type PrismaLikeError = { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } } } | null;

/**
 * The domain failure a database refusal stands for (a unique name taken: NAME_TAKEN), with the
 * message from the error table unless the refusal says more; null for anything else, a bug to be
 * logged. `field` files the error under a form field.
 */
export function translatePrismaError(error: unknown, options: { field?: string } = {}): DomainError | null {
  const e = error as PrismaLikeError;
  const cause = e?.meta?.driverAdapterError?.cause;
  const sqlState = cause?.originalCode ?? cause?.code;
  const translation = (sqlState ? BY_SQLSTATE[sqlState] : undefined) ?? (e?.code ? BY_PRISMA_CODE[e.code] : undefined);
  if (!translation) return null;
  return new DomainError(translation.code, translation.message ?? ERROR_CODES[translation.code].message, options.field);
}
