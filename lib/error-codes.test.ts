import { expect, test } from 'vitest';
import { ERROR_CODES, httpStatusOf } from './error-codes';

test('every code answers a 4xx or 5xx status with a sentence to show', () => {
  for (const [code, entry] of Object.entries(ERROR_CODES)) {
    expect(entry.status, code).toBeGreaterThanOrEqual(400);
    expect(entry.status, code).toBeLessThan(600);
    expect(entry.message, code).toMatch(/^[A-Z].*\.$/);
  }
});

test('the statuses routes have always answered', () => {
  expect(httpStatusOf('NOT_FOUND')).toBe(404);
  expect(httpStatusOf('NAME_TAKEN')).toBe(409);
  expect(httpStatusOf('INVALID_INPUT')).toBe(400);
  expect(httpStatusOf('INVALID_DOCUMENT')).toBe(400);
  expect(httpStatusOf('FORBIDDEN_ORIGIN')).toBe(403);
  expect(httpStatusOf('UNSUPPORTED_MEDIA_TYPE')).toBe(415);
  expect(httpStatusOf('UNAUTHENTICATED')).toBe(401);
  expect(httpStatusOf('FORBIDDEN')).toBe(403);
  expect(httpStatusOf('TOO_LARGE')).toBe(413);
  expect(httpStatusOf('DATABASE_UNAVAILABLE')).toBe(503);
  expect(httpStatusOf('INTERNAL')).toBe(500);
});

test('a failure an action built by hand without a code answers 400', () => {
  expect(httpStatusOf(undefined)).toBe(400);
});
