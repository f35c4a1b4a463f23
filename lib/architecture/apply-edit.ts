// Applies one editor edit to the database in one transaction (see edits.ts for the contract).
//
// Every edit first bumps Scenario.version: that keeps "the scenario changed" observable to the
// rest of the app and takes the scenario row's lock, so two edits of one scenario never
// interleave their read-check-write steps. Stale and deleted rows are refused with
// STALE_VERSION, which the action turns into the "reload?" offer.

import type { Db } from '@/lib/db';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { translatePrismaError } from '@/lib/db/translate-prisma-error';
import { DomainError } from '@/lib/errors';
import { emptyOutcome, type Edit, type EditOutcome } from './edits';
import { createEntities } from './apply-edit/create-entities';
import { deleteEntities } from './apply-edit/delete-entities';
import { moveEntities } from './apply-edit/move-entities';
import { restoreEntities } from './apply-edit/restore-entities';
import { updateDependency, updateEntity, updateLink } from './apply-edit/update-entity';

export async function applyEdit(db: Db, scenarioId: string, edit: Edit): Promise<EditOutcome> {
  const outcome = await applyEditInTransaction(db, scenarioId, edit);
  // Links, nodes, edge servers, VNFs and dependencies are what routes and flow rules are made
  // of: the plan follows every edit right after its commit (moving nodes on the canvas changes
  // nothing the plan depends on).
  if (edit.type !== 'move') await recomputeAfterChange(db, scenarioId);
  return outcome;
}

async function applyEditInTransaction(db: Db, scenarioId: string, edit: Edit): Promise<EditOutcome> {
  try {
    return await db.$transaction(
      async (tx) => {
        const bumped = await tx.scenario.updateMany({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
        if (bumped.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
        switch (edit.type) {
          case 'create':
            return createEntities(tx, scenarioId, edit);
          case 'update':
            return updateEntity(tx, scenarioId, edit);
          case 'updateLink':
            return updateLink(tx, scenarioId, edit);
          case 'updateDependency':
            return updateDependency(tx, scenarioId, edit);
          case 'move':
            await moveEntities(tx, scenarioId, edit.positions);
            return emptyOutcome();
          case 'delete':
            return deleteEntities(tx, scenarioId, edit);
          case 'restore':
            return restoreEntities(tx, scenarioId, edit.bundle);
        }
      },
      { timeout: 60_000, maxWait: 20_000 },
    );
  } catch (error) {
    // Only a taken name is the user's to fix here: a vanished row (P2025) is already reported as
    // a conflict by the steps themselves, and run-architecture-edit treats NOT_FOUND as one.
    const translated = translatePrismaError(error, { field: edit.type === 'update' || edit.type === 'updateLink' ? 'name' : undefined });
    if (translated?.code === 'NAME_TAKEN') throw translated;
    throw error;
  }
}
