import { expect, test } from 'vitest';
import { scenarioNameSchema } from './scenario-schema';

const messages = (value: unknown) => {
  const result = scenarioNameSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

test('scenario names: one clear message per problem', () => {
  expect(messages('   ')).toEqual(['Enter a name']);
  expect(messages('<script>')).toEqual([expect.stringContaining('Start with a letter or digit')]);
  expect(messages('x'.repeat(81))).toEqual(['Use at most 80 characters']);
  expect(scenarioNameSchema.parse('  Metro edge (what-if 2)  ')).toBe('Metro edge (what-if 2)');
  expect(messages('Zürich 5G & Wi-Fi')).toEqual([]);
});
