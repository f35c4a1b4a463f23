import { expect, test } from 'vitest';
import { ERROR_CODES } from '@/lib/error-codes';
import { DomainError } from '@/lib/errors';
import { translatePrismaError } from './translate-prisma-error';

const prismaError = (code: string, sqlState?: string) =>
  Object.assign(new Error('raw database text'), { code, meta: sqlState ? { driverAdapterError: { cause: { originalCode: sqlState } } } : undefined });

test('a unique violation is NAME_TAKEN with the table message, under the field asked for', () => {
  const translated = translatePrismaError(prismaError('P2002'), { field: 'name' });
  expect(translated).toBeInstanceOf(DomainError);
  expect(translated).toMatchObject({ code: 'NAME_TAKEN', message: ERROR_CODES.NAME_TAKEN.message, field: 'name' });
  expect(translatePrismaError(prismaError('P2002'))?.field).toBeUndefined();
});

test('other refusals a person can fix get their code and sentence', () => {
  expect(translatePrismaError(prismaError('P2025'))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists/) as string });
  expect(translatePrismaError(prismaError('P2003'))).toMatchObject({ code: 'REFERENCED' });
  expect(translatePrismaError(prismaError('P2020'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/number is too large/) as string });
  expect(translatePrismaError(prismaError('P2028'))).toMatchObject({ code: 'DATABASE_LOCKED', message: expect.stringMatching(/busy/) as string });
});

test('the SQLSTATE inside a wrapped Postgres error is read before the Prisma code', () => {
  expect(translatePrismaError(prismaError('P2039', '22P05'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/NUL character/) as string });
  expect(translatePrismaError(prismaError('P2039', '23514'))?.message).toMatch(/outside what this field allows/);
  expect(translatePrismaError(prismaError('P2002', '23505'))?.code).toBe('NAME_TAKEN');
});

test('anything else is not translated', () => {
  expect(translatePrismaError(prismaError('P2039', '42P01'))).toBeNull();
  expect(translatePrismaError(new Error('boom'))).toBeNull();
  expect(translatePrismaError(null)).toBeNull();
  expect(translatePrismaError(new DomainError('NOT_FOUND', 'x'))).toBeNull();
});
