import type { Db } from '@/lib/db';

export type LayerRow = { id: string; digest: string; sizeBytes: number; images: number; cachedOn: number };

/** The scenario's layers for the catalog table, with how many images use each and how many servers cache it. */
export async function listLayers(db: Db, scenarioId: string): Promise<LayerRow[]> {
  const layers = await db.layer.findMany({ where: { scenarioId }, include: { _count: { select: { images: true, cachedOn: true } } } });
  return layers.map((l) => ({ id: l.id, digest: l.digest, sizeBytes: Number(l.sizeBytes), images: l._count.images, cachedOn: l._count.cachedOn }));
}
