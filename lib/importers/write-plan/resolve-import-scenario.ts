import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import { assertScenarioNameFree } from '@/lib/scenarios/assert-scenario-name-free';
import { scenarioNameSchema } from '@/lib/scenarios/scenario-schema';

export type ImportTarget = { scenarioId: string } | { scenarioName: string; createIfMissing?: boolean };
export type ImportScenario = { id: string; name: string; created: boolean };

/** Finds (or, when asked, creates) the scenario an import writes into, and takes its row lock. */
export async function resolveImportScenario(tx: Prisma.TransactionClient, target: ImportTarget): Promise<ImportScenario> {
  if ('scenarioId' in target) {
    if (!(await lockScenario(tx, target.scenarioId))) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const s = await tx.scenario.findUnique({ where: { id: target.scenarioId }, select: { id: true, name: true } });
    if (!s) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    return { ...s, created: false };
  }
  const name = scenarioNameSchema.safeParse(target.scenarioName);
  if (!name.success) throw new DomainError('INVALID_INPUT', `scenario name: ${name.error.issues[0].message}`, 'scenario');
  const found = await tx.scenario.findFirst({ where: { name: { equals: name.data, mode: 'insensitive' } }, select: { id: true, name: true } });
  if (found) {
    await lockScenario(tx, found.id);
    return { ...found, created: false };
  }
  if (!target.createIfMissing) throw new DomainError('NOT_FOUND', `There is no scenario named "${name.data}".`, 'scenario');
  await assertScenarioNameFree(tx, name.data);
  const created = await tx.scenario.create({ data: { name: name.data, description: 'Created by an import.' }, select: { id: true, name: true } });
  return { ...created, created: true };
}

/**
 * Takes the scenario's row lock, as every editor save does first (apply-edit.ts bumps its
 * version): an import and an editor save of one scenario then run one after the other, and the
 * import reads the rows it merges into only once no save is in flight.
 */
async function lockScenario(tx: Prisma.TransactionClient, scenarioId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Scenario" WHERE id = ${scenarioId} FOR UPDATE`;
  return rows.length > 0;
}
