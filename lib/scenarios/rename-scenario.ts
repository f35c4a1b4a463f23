import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { assertScenarioNameFree } from './assert-scenario-name-free';
import { renameScenarioSchema } from './scenario-schema';
import { withUniqueNameGuard } from './with-unique-name-guard';

export async function renameScenario(db: Db, input: { id: string; name: string }) {
  const { id, name } = renameScenarioSchema.parse(input);
  return withUniqueNameGuard(() =>
    db.$transaction(async (tx) => {
      await assertScenarioNameFree(tx, name, id);
      const updated = await tx.scenario.updateMany({ where: { id }, data: { name, version: { increment: 1 } } });
      if (updated.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
      return tx.scenario.findUniqueOrThrow({ where: { id } });
    }),
  );
}
