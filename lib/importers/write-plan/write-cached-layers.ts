import type { Prisma } from '@/lib/generated/prisma/client';
import { parseImageReference } from '../images/image-reference';
import type { PlannedEdgeServer } from '../import-plan';
import type { CatalogImage, ImageCatalog } from './image-catalog';
import type { EntityCounts } from './merge-by-name';

type Cached = { edgeServerId: string; imageId: string };

/**
 * Records the layers of the images found on each planned edge server (Kubernetes `status.images`)
 * as cached there. An image the catalog does not have cannot be counted; a note says how many.
 */
export async function writeCachedLayers(
  tx: Prisma.TransactionClient,
  servers: readonly PlannedEdgeServer[],
  serverIds: ReadonlyMap<string, string>,
  catalog: ImageCatalog,
): Promise<{ counts: EntityCounts; notes: string[] }> {
  const counts: EntityCounts = { created: 0, updated: 0, unchanged: 0 };
  const { cached, unknown } = findCachedImages(servers, serverIds, [...catalog.values()]);
  if (cached.length) {
    const rows = await layersOf(tx, cached);
    const created = (await tx.edgeServerCachedLayer.createMany({ data: rows, skipDuplicates: true })).count;
    counts.created = created;
    counts.unchanged = rows.length - created;
  }
  const notes = unknown
    ? [`${unknown} image name${unknown === 1 ? '' : 's'} on the nodes are not in the image catalog; import their manifests to count their layers as cached`]
    : [];
  return { counts, notes };
}

/** Each server's images, matched by manifest digest or by repository and tag in the server's arch. */
function findCachedImages(servers: readonly PlannedEdgeServer[], serverIds: ReadonlyMap<string, string>, all: CatalogImage[]): { cached: Cached[]; unknown: number } {
  const cached: Cached[] = [];
  let unknown = 0;
  for (const s of servers) {
    const seen = new Set<string>();
    for (const raw of s.cachedImageRefs ?? []) {
      const ref = parseImageReference(raw);
      const img =
        ref &&
        (all.find((i) => ref.digest && i.manifestDigest === ref.digest && i.arch === s.arch) ??
          all.find((i) => i.repository === ref.repository && i.tag === ref.tag && i.arch === s.arch && !(ref.tag === 'latest' && raw.includes('@'))));
      if (!img) {
        unknown++;
        continue;
      }
      if (!seen.has(img.id)) cached.push({ edgeServerId: serverIds.get(s.name)!, imageId: img.id });
      seen.add(img.id);
    }
  }
  return { cached, unknown };
}

/** One row per server and layer of its cached images, without repeats. */
async function layersOf(tx: Prisma.TransactionClient, cached: Cached[]): Promise<{ edgeServerId: string; layerId: string }[]> {
  const links = await tx.imageLayer.findMany({ where: { imageId: { in: [...new Set(cached.map((c) => c.imageId))] } }, select: { imageId: true, layerId: true } });
  const byImage = new Map<string, string[]>();
  for (const l of links) byImage.set(l.imageId, [...(byImage.get(l.imageId) ?? []), l.layerId]);
  const rows = new Map<string, { edgeServerId: string; layerId: string }>();
  for (const c of cached) for (const layerId of byImage.get(c.imageId) ?? []) rows.set(`${c.edgeServerId}>${layerId}`, { edgeServerId: c.edgeServerId, layerId });
  return [...rows.values()];
}
