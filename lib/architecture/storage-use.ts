// Storage an applied placement uses on each edge server, counting a shared layer once: the
// distinct layers of the images of the services placed there, plus the layers already cached
// there. Services without a catalogued image contribute nothing (their size is unknown).

import type { ImageInfo, PlacementRelation } from './snapshot';

export type StorageUse = { usedBytes: number; capacityBytes: number; ratio: number };

export function computeStorageUse(input: {
  placement: readonly PlacementRelation[];
  serviceImage: ReadonlyMap<string, string | null>;
  images: readonly ImageInfo[];
  layerSizes: Readonly<Record<string, number>>;
  cachedLayers: Readonly<Record<string, readonly string[]>>;
  capacity: ReadonlyMap<string, number>;
}): Map<string, StorageUse> {
  const layersOfImage = new Map(input.images.map((i) => [i.id, i.layerIds]));
  const layersOn = new Map<string, Set<string>>();
  const on = (serverId: string) => {
    let set = layersOn.get(serverId);
    if (!set) layersOn.set(serverId, (set = new Set()));
    return set;
  };
  for (const [serverId, layers] of Object.entries(input.cachedLayers)) for (const l of layers) on(serverId).add(l);
  for (const p of input.placement) {
    if (p.replicas.length === 0) continue;
    const imageId = input.serviceImage.get(p.serviceId);
    const set = on(p.edgeServerId);
    for (const l of (imageId && layersOfImage.get(imageId)) || []) set.add(l);
  }
  const result = new Map<string, StorageUse>();
  for (const [serverId, capacityBytes] of input.capacity) {
    let usedBytes = 0;
    for (const l of layersOn.get(serverId) ?? []) usedBytes += input.layerSizes[l] ?? 0;
    result.set(serverId, { usedBytes, capacityBytes, ratio: capacityBytes > 0 ? usedBytes / capacityBytes : usedBytes > 0 ? Infinity : 0 });
  }
  return result;
}

export type StorageLevel = 'low' | 'medium' | 'high' | 'over';

export function storageLevel(ratio: number): StorageLevel {
  if (ratio > 1) return 'over';
  if (ratio >= 0.85) return 'high';
  if (ratio >= 0.5) return 'medium';
  return 'low';
}
