import type { Db } from '@/lib/db';

// How much storage layer sharing saves in a scenario's image catalog: per architecture (layers
// are only shared between images of one platform), the bytes with every image keeping private
// copies against the bytes with each distinct layer stored once, and the image × image matrix
// of shared bytes. Layers are counted once per image, as datasets/SOURCES.md counts them.

export type SharingImage = { id: string; reference: string; arch: string; layers: { layerId: string; sizeBytes: number }[] };

export type SharingSummary = {
  arch: string;
  images: number;
  distinctLayers: number;
  layersSharedBy2Plus: number;
  maxSharing: number;
  bytesWithoutSharing: number;
  bytesWithSharing: number;
  saving: number;
};

export function summarizeSharing(images: SharingImage[]): SharingSummary[] {
  const byArch = new Map<string, SharingImage[]>();
  for (const i of images) byArch.set(i.arch, [...(byArch.get(i.arch) ?? []), i]);
  return [...byArch.entries()]
    .map(([arch, list]) => {
      const users = new Map<string, { size: number; images: number }>();
      let without = 0;
      for (const img of list) {
        for (const [layerId, size] of new Map(img.layers.map((l) => [l.layerId, l.sizeBytes]))) {
          without += size;
          const u = users.get(layerId) ?? { size, images: 0 };
          u.images++;
          users.set(layerId, u);
        }
      }
      const withSharing = [...users.values()].reduce((a, u) => a + u.size, 0);
      const counts = [...users.values()].map((u) => u.images);
      return {
        arch,
        images: list.filter((i) => i.layers.length > 0).length,
        distinctLayers: users.size,
        layersSharedBy2Plus: counts.filter((c) => c >= 2).length,
        maxSharing: counts.length ? Math.max(...counts) : 0,
        bytesWithoutSharing: without,
        bytesWithSharing: withSharing,
        saving: without ? 1 - withSharing / without : 0,
      };
    })
    .sort((a, b) => b.images - a.images || a.arch.localeCompare(b.arch));
}

export type SharingMatrix = { images: { id: string; reference: string; sizeBytes: number; sharedBytes: number }[]; bytes: number[][]; max: number };

/** The `limit` images of one arch that share the most bytes with others, and what each pair shares. */
export function sharingMatrix(images: SharingImage[], arch: string, limit = 24): SharingMatrix {
  const list = images.filter((i) => i.arch === arch && i.layers.length > 0);
  const sets = list.map((i) => new Map(i.layers.map((l) => [l.layerId, l.sizeBytes])));
  const users = new Map<string, number>();
  for (const s of sets) for (const id of s.keys()) users.set(id, (users.get(id) ?? 0) + 1);
  const shared = sets.map((s) => [...s].reduce((a, [id, size]) => a + ((users.get(id) ?? 0) > 1 ? size : 0), 0));
  const order = list
    .map((_, k) => k)
    .filter((k) => shared[k] > 0)
    .sort((a, b) => shared[b] - shared[a] || list[a].reference.localeCompare(list[b].reference))
    .slice(0, limit);
  const bytes = order.map((a) => order.map((b) => (a === b ? 0 : [...sets[a]].reduce((n, [id, size]) => n + (sets[b].has(id) ? size : 0), 0))));
  return {
    images: order.map((k) => ({ id: list[k].id, reference: list[k].reference, sizeBytes: [...sets[k].values()].reduce((x, y) => x + y, 0), sharedBytes: shared[k] })),
    bytes,
    max: Math.max(0, ...bytes.flat()),
  };
}

export async function loadSharingImages(db: Db, scenarioId: string): Promise<SharingImage[]> {
  const images = await db.image.findMany({
    where: { scenarioId },
    orderBy: [{ repository: 'asc' }, { tag: 'asc' }, { arch: 'asc' }],
    select: { id: true, repository: true, tag: true, arch: true, layers: { select: { layerId: true, layer: { select: { sizeBytes: true } } } } },
  });
  return images.map((i) => ({
    id: i.id,
    reference: `${i.repository.replace(/^library\//, '')}:${i.tag}`,
    arch: i.arch,
    layers: i.layers.map((l) => ({ layerId: l.layerId, sizeBytes: Number(l.layer.sizeBytes) })),
  }));
}
