import type { ErrorCode } from './errors';

export type ErrorCodeEntry = {
  /** The HTTP status a route answers this failure with. */
  status: number;
  /** What to tell a person when nothing more specific is known. */
  message: string;
};

/** Every domain failure's HTTP status and default message: routes choose their status here only. */
export const ERROR_CODES = {
  NOT_FOUND: { status: 404, message: 'This no longer exists; someone may have deleted it. Reload to see the current state.' },
  NAME_TAKEN: { status: 409, message: 'That name is already taken.' },
  INVALID_INPUT: { status: 400, message: 'A value is not valid; nothing was saved.' },
  INVALID_DOCUMENT: { status: 400, message: 'This is not a scenario document; nothing was saved.' },
  REFERENCED: { status: 409, message: 'This refers to something that no longer exists, or is still used by something else.' },
  STALE_VERSION: { status: 409, message: 'Someone else changed this since you opened it; nothing was saved. Reload and try again.' },
  DATABASE_LOCKED: { status: 503, message: 'The database was busy and the change was not saved. Try again.' },
  TOO_LARGE: { status: 413, message: 'This is larger than the limit allows; nothing was saved.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as JSON with "Content-Type: application/json".' },
  FORBIDDEN_ORIGIN: { status: 403, message: 'Requests from another site are refused.' },
  UNAUTHENTICATED: { status: 401, message: 'You are not signed in (or your session expired). Sign in and try again.' },
  FORBIDDEN: { status: 403, message: 'You may not do this; nothing was changed.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database cannot be reached right now, so nothing was saved. Try again in a moment.' },
  INTERNAL: { status: 500, message: 'Something went wrong and nothing was changed. Try again; if it persists, check the server log.' },
} as const satisfies Record<ErrorCode, ErrorCodeEntry>;

/** A failure an action built by hand without a code is a refused input: 400, as a form shows it. */
export function httpStatusOf(code: ErrorCode | undefined): number {
  return code ? ERROR_CODES[code].status : 400;
}
