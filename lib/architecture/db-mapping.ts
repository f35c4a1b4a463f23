// Graph ↔ database mapping: Prisma rows to the editor's entities and back. Pure (no Prisma
// import beyond types), unit-tested. The editor names enum columns after what they are
// (`nodeKind`, `vnfKind`, `controllerKind`) because `kind` already says which entity it is.

import type { ControllerKind, LinkMedium, NetworkNodeKind, Tier, VnfKind } from '@/lib/vocabulary/kinds-and-labels';
import type { ControllerEntity, DependencyRelation, EdgeServerEntity, Entity, EntityKind, LinkRelation, NetworkNodeEntity, ServiceEntity, SiteEntity, VnfEntity } from './snapshot';

type Pos = { posX: number | null; posY: number | null; version: number; id: string };

export type SiteRow = Pos & { name: string; provider: string; region: string; latitude: number | null; longitude: number | null };
export type EdgeServerRow = Pos & {
  name: string;
  siteId: string | null;
  tier: string;
  arch: string;
  cpuCores: number;
  memoryMiB: number;
  storageBytes: bigint;
  bandwidthMbps: number;
  accelerators: string[];
};
export type NetworkNodeRow = Pos & { name: string; siteId: string | null; kind: string; sdnManaged: boolean; latitude: number | null; longitude: number | null };
export type VnfRow = Pos & { name: string; kind: string; hostServerId: string; cpuCores: number; memoryMiB: number; nextVnfId: string | null };
export type ServiceRow = Pos & {
  name: string;
  imageRef: string;
  imageId: string | null;
  replicas: number;
  cpuCores: number;
  memoryMiB: number;
  bandwidthMbps: number;
  port: number;
  arch: string | null;
  accelerator: string | null;
};
export type ControllerRow = Pos & { name: string; kind: string; product: string; hostServerId: string; cpuCores: number; memoryMiB: number };
export type LinkRow = {
  id: string;
  version: number;
  name: string;
  medium: string;
  bandwidthMbps: number;
  latencyMs: number;
  lossPercent: number;
  aEdgeServerId: string | null;
  aNodeId: string | null;
  bEdgeServerId: string | null;
  bNodeId: string | null;
};
export type DependencyRow = { fromServiceId: string; toServiceId: string; trafficMbps: number; version: number };

const base = (r: Pos) => ({ id: r.id, version: r.version, posX: r.posX, posY: r.posY });

export const siteFromRow = (r: SiteRow): SiteEntity => ({
  kind: 'site',
  ...base(r),
  name: r.name,
  provider: r.provider,
  region: r.region,
  latitude: r.latitude,
  longitude: r.longitude,
});

export const edgeServerFromRow = (r: EdgeServerRow): EdgeServerEntity => ({
  kind: 'edgeServer',
  ...base(r),
  name: r.name,
  siteId: r.siteId,
  tier: r.tier as Tier,
  arch: r.arch,
  cpuCores: r.cpuCores,
  memoryMiB: r.memoryMiB,
  storageBytes: Number(r.storageBytes),
  bandwidthMbps: r.bandwidthMbps,
  accelerators: [...r.accelerators],
});

export const networkNodeFromRow = (r: NetworkNodeRow): NetworkNodeEntity => ({
  kind: 'networkNode',
  ...base(r),
  name: r.name,
  siteId: r.siteId,
  nodeKind: r.kind as NetworkNodeKind,
  sdnManaged: r.sdnManaged,
  latitude: r.latitude,
  longitude: r.longitude,
});

export const vnfFromRow = (r: VnfRow): VnfEntity => ({
  kind: 'vnf',
  ...base(r),
  name: r.name,
  vnfKind: r.kind as VnfKind,
  hostServerId: r.hostServerId,
  cpuCores: r.cpuCores,
  memoryMiB: r.memoryMiB,
  nextVnfId: r.nextVnfId,
});

export const serviceFromRow = (r: ServiceRow): ServiceEntity => ({
  kind: 'service',
  ...base(r),
  name: r.name,
  imageRef: r.imageRef,
  imageId: r.imageId,
  replicas: r.replicas,
  cpuCores: r.cpuCores,
  memoryMiB: r.memoryMiB,
  bandwidthMbps: r.bandwidthMbps,
  port: r.port,
  arch: r.arch,
  accelerator: r.accelerator,
});

export const controllerFromRow = (r: ControllerRow): ControllerEntity => ({
  kind: 'controller',
  ...base(r),
  name: r.name,
  controllerKind: r.kind as ControllerKind,
  product: r.product,
  hostServerId: r.hostServerId,
  cpuCores: r.cpuCores,
  memoryMiB: r.memoryMiB,
});

export function linkFromRow(r: LinkRow): LinkRelation {
  const end = (server: string | null, node: string | null) => (server ? ({ kind: 'edgeServer', id: server } as const) : ({ kind: 'networkNode', id: node! } as const));
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    medium: r.medium as LinkMedium,
    bandwidthMbps: r.bandwidthMbps,
    latencyMs: r.latencyMs,
    lossPercent: r.lossPercent,
    a: end(r.aEdgeServerId, r.aNodeId),
    b: end(r.bEdgeServerId, r.bNodeId),
  };
}

export const dependencyFromRow = (r: DependencyRow): DependencyRelation => ({
  fromId: r.fromServiceId,
  toId: r.toServiceId,
  trafficMbps: r.trafficMbps,
  version: r.version,
});

/** Column values of an entity's attributes (no id, scenario or version): what create and
 * update write. `fields` may be partial (an update's changes). */
export function entityColumns(kind: EntityKind, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === 'kind' || key === 'id' || key === 'version') continue;
    if (key === 'nodeKind' || key === 'vnfKind' || key === 'controllerKind') out.kind = value;
    else if (key === 'storageBytes') out.storageBytes = BigInt(value as number);
    else out[key] = value;
  }
  if (kind === 'site' && 'siteId' in out) delete out.siteId;
  return out;
}

export function linkColumns(link: Pick<LinkRelation, 'a' | 'b'>): Record<'aEdgeServerId' | 'aNodeId' | 'bEdgeServerId' | 'bNodeId', string | null> {
  return {
    aEdgeServerId: link.a.kind === 'edgeServer' ? link.a.id : null,
    aNodeId: link.a.kind === 'networkNode' ? link.a.id : null,
    bEdgeServerId: link.b.kind === 'edgeServer' ? link.b.id : null,
    bNodeId: link.b.kind === 'networkNode' ? link.b.id : null,
  };
}

export const FROM_ROW = {
  site: siteFromRow,
  edgeServer: edgeServerFromRow,
  networkNode: networkNodeFromRow,
  vnf: vnfFromRow,
  service: serviceFromRow,
  controller: controllerFromRow,
} as const;

export function entityFromRow(kind: EntityKind, row: unknown): Entity {
  return (FROM_ROW[kind] as (r: unknown) => Entity)(row);
}
