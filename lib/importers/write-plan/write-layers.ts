import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import type { ImportPlan } from '../import-plan';
import type { EntityCounts } from './merge-by-name';

/**
 * Adds the planned layers the catalog lacks, matched by digest. A layer the catalog has keeps its
 * size (a note says when the file disagrees). Refuses an image layer the catalog and file both lack.
 * Returns layer digests to ids.
 */
export async function writeLayers(
  tx: Prisma.TransactionClient,
  scenarioId: string,
  plan: ImportPlan,
): Promise<{ counts: EntityCounts; layerIds: Map<string, string>; notes: string[] }> {
  const counts: EntityCounts = { created: 0, updated: 0, unchanged: 0 };
  const notes: string[] = [];
  const digests = [...new Set([...plan.layers.map((l) => l.digest), ...plan.images.flatMap((i) => i.layers)])];
  const existing = digests.length ? await tx.layer.findMany({ where: { scenarioId, digest: { in: digests } }, select: { id: true, digest: true, sizeBytes: true } }) : [];
  const layerIds = new Map(existing.map((l) => [l.digest, l.id]));
  const sizes = new Map(existing.map((l) => [l.digest, l.sizeBytes]));
  const create: Prisma.LayerCreateManyInput[] = [];
  for (const l of plan.layers) {
    if (layerIds.has(l.digest)) {
      counts.unchanged++;
      if (sizes.get(l.digest) !== l.sizeBytes) notes.push(`layer ${l.digest.slice(0, 19)}… keeps its catalog size ${sizes.get(l.digest)} B (the file says ${l.sizeBytes} B)`);
      continue;
    }
    const id = randomUUID();
    layerIds.set(l.digest, id);
    create.push({ id, scenarioId, digest: l.digest, sizeBytes: l.sizeBytes });
    counts.created++;
  }
  await tx.layer.createMany({ data: create });
  for (const d of digests) if (!layerIds.has(d)) throw new DomainError('INVALID_INPUT', `an image refers to layer ${d}, whose size is unknown`, 'file');
  return { counts, layerIds, notes };
}
