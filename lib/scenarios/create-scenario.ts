import type { Db } from '@/lib/db';
import { assertScenarioNameFree } from './assert-scenario-name-free';
import { createScenarioSchema, type CreateScenarioInput } from './scenario-schema';
import { withUniqueNameGuard } from './with-unique-name-guard';

export async function createScenario(db: Db, input: CreateScenarioInput) {
  const { name, description } = createScenarioSchema.parse(input);
  return withUniqueNameGuard(() =>
    db.$transaction(async (tx) => {
      await assertScenarioNameFree(tx, name);
      return tx.scenario.create({ data: { name, description } });
    }),
  );
}
