// Entities for the architecture domain's tests: every field a plain default (one core, one MiB,
// no site, no position), and what a test is about given by name or in `over`.

import type { EdgeServerEntity, NetworkNodeEntity } from './snapshot';

/** What every entity of these kinds has: named after its id, unplaced, at no site. */
const unplaced = (name: string) => ({ id: name, name, version: 1, posX: null, posY: null, siteId: null });

export function edgeServerEntity(name: string, over: Partial<EdgeServerEntity> = {}): EdgeServerEntity {
  return {
    kind: 'edgeServer',
    ...unplaced(name),
    tier: 'edge',
    arch: 'amd64',
    cpuCores: 1,
    memoryMiB: 1,
    storageBytes: 1,
    bandwidthMbps: 1,
    accelerators: [],
    ...over,
  };
}

export function routerEntity(name: string, over: Partial<NetworkNodeEntity> = {}): NetworkNodeEntity {
  return { kind: 'networkNode', ...unplaced(name), nodeKind: 'router', sdnManaged: false, latitude: null, longitude: null, ...over };
}
