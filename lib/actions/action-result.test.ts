import { expect, test } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { runAction, toActionErrors } from './action-result';

test('zod issues become field messages', () => {
  const error = z.object({ name: z.string().min(1, 'Enter a name') }).safeParse({ name: '' }).error;
  expect(toActionErrors(error)).toEqual({ name: ['Enter a name'] });
});

test('domain errors keep their field; database codes become sentences', async () => {
  expect(toActionErrors(new DomainError('NAME_TAKEN', 'taken', 'name'))).toEqual({ name: ['taken'] });
  expect(toActionErrors(Object.assign(new Error('x'), { code: 'P2025' }))._form[0]).toMatch(/no longer exists/);
  const result = await runAction(() => Promise.reject(new Error('connection refused at 10.0.0.1:5432\n    at stack frame')));
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors._form[0]).not.toMatch(/stack|10\.0\.0\.1/);
});

test('an unreachable database is reported as such, with nothing saved', () => {
  expect(toActionErrors(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' }))._form[0]).toMatch(
    /database cannot be reached.*nothing was saved/,
  );
});

test('a failed action carries its domain code, for a route to choose the status', async () => {
  expect(await runAction(() => Promise.reject(new DomainError('NOT_FOUND', 'gone')))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await runAction(() => Promise.reject(Object.assign(new Error('x'), { code: 'P2002' })))).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
  expect(
    await runAction(() =>
      Promise.resolve()
        .then(() => z.string().parse(1))
        .then(() => ({})),
    ),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await runAction(() => Promise.reject(new Error('a bug')))).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(await runAction(() => Promise.reject(Object.assign(new Error("Can't reach database server"), { code: 'P1001' })))).toMatchObject({
    ok: false,
    code: 'DATABASE_UNAVAILABLE',
  });
});
