/** Expected failures of domain functions. Server actions translate them into field errors, routes
 * into the HTTP status lib/error-codes.ts gives each code; anything else is a bug and surfaces as
 * a generic message. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'NAME_TAKEN'
  | 'INVALID_INPUT'
  | 'INVALID_DOCUMENT'
  | 'REFERENCED'
  | 'STALE_VERSION'
  | 'DATABASE_LOCKED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'FORBIDDEN_ORIGIN'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'DATABASE_UNAVAILABLE'
  /** A bug: logged on the server, never shown in detail. */
  | 'INTERNAL';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** The input field the error belongs to, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
