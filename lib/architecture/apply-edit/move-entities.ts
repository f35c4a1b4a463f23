// Moves nodes on the canvas: layout, not content, so last writer wins and no version changes.

import type { Edit } from '../edits';
import type { EntityKind } from '../snapshot';
import { CREATE_ORDER, type Tx } from './entity-tables';

const SQL_TABLE: Record<EntityKind, string> = {
  site: 'Site',
  edgeServer: 'EdgeServer',
  networkNode: 'NetworkNode',
  vnf: 'Vnf',
  service: 'Service',
  registry: 'Registry',
  controller: 'Controller',
};

export async function moveEntities(tx: Tx, scenarioId: string, positions: Extract<Edit, { type: 'move' }>['positions']) {
  for (const kind of CREATE_ORDER) {
    const mine = positions.filter((p) => p.kind === kind);
    if (!mine.length) continue;
    // One statement per table, whatever the number of nodes (auto layout moves them all).
    // Rows that no longer exist are simply not matched: a move never brings anything back.
    await tx.$executeRawUnsafe(
      `UPDATE "${SQL_TABLE[kind]}" AS t SET "posX" = v.x, "posY" = v.y
         FROM (SELECT unnest($1::text[]) AS id, unnest($2::float8[]) AS x, unnest($3::float8[]) AS y) AS v
        WHERE t.id = v.id AND t."scenarioId" = $4`,
      mine.map((p) => p.id),
      mine.map((p) => p.x),
      mine.map((p) => p.y),
      scenarioId,
    );
  }
}
