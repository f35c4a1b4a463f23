// Graph ↔ database mapping: Prisma rows to the editor's entities and back. Pure (no Prisma
// import beyond types), unit-tested. The editor names enum columns after what they are
// (`nodeKind`, `vnfKind`, `controllerKind`) because `kind` already says which entity it is.
//
// The row types are Prisma's, narrowed by the select objects below: a renamed, removed or retyped
// column fails the type check here (the select, or the mapping to the hand-written JSON entity)
// rather than at run time.

import type { Prisma } from '@/lib/generated/prisma/client';
import type {
  ControllerEntity,
  DependencyRelation,
  EdgeServerEntity,
  EntityKind,
  LinkRelation,
  NetworkNodeEntity,
  RegistryEntity,
  ServiceEntity,
  SiteEntity,
  VnfEntity,
} from './snapshot';

const placed = { id: true, version: true, posX: true, posY: true } as const;

/** A select of table S naming every column an editor entity E is stored in (`nodeKind` in `kind`, …);
 * a column the table lacks is `never`, so the select fails to type-check. */
type SelectOf<S, E> = S & { [C in keyof EntityColumns<E> | ('id' & keyof E) | 'version']: C extends keyof S ? true : never };

export const siteSelect = { ...placed, name: true, provider: true, region: true, latitude: true, longitude: true } as const satisfies SelectOf<Prisma.SiteSelect, SiteEntity>;
export const edgeServerSelect = {
  ...placed,
  name: true,
  siteId: true,
  tier: true,
  arch: true,
  cpuCores: true,
  memoryMiB: true,
  storageBytes: true,
  bandwidthMbps: true,
  accelerators: true,
} as const satisfies SelectOf<Prisma.EdgeServerSelect, EdgeServerEntity>;
export const networkNodeSelect = { ...placed, name: true, siteId: true, kind: true, sdnManaged: true, latitude: true, longitude: true } as const satisfies SelectOf<
  Prisma.NetworkNodeSelect,
  NetworkNodeEntity
>;
export const vnfSelect = { ...placed, name: true, kind: true, hostServerId: true, cpuCores: true, memoryMiB: true, nextVnfId: true } as const satisfies SelectOf<
  Prisma.VnfSelect,
  VnfEntity
>;
export const serviceSelect = {
  ...placed,
  name: true,
  imageRef: true,
  imageId: true,
  replicas: true,
  cpuCores: true,
  memoryMiB: true,
  bandwidthMbps: true,
  port: true,
  arch: true,
  accelerator: true,
} as const satisfies SelectOf<Prisma.ServiceSelect, ServiceEntity>;
export const registrySelect = { ...placed, name: true, url: true, siteId: true, networkNodeId: true, edgeServerId: true } as const satisfies SelectOf<
  Prisma.RegistrySelect,
  RegistryEntity
>;
export const controllerSelect = {
  ...placed,
  name: true,
  kind: true,
  product: true,
  hostServerId: true,
  cpuCores: true,
  memoryMiB: true,
} as const satisfies SelectOf<Prisma.ControllerSelect, ControllerEntity>;
export const linkSelect = {
  id: true,
  version: true,
  name: true,
  medium: true,
  bandwidthMbps: true,
  latencyMs: true,
  lossPercent: true,
  aEdgeServerId: true,
  aNodeId: true,
  bEdgeServerId: true,
  bNodeId: true,
} as const satisfies SelectOf<Prisma.LinkSelect, Omit<LinkRelation, 'a' | 'b'>>;
export const dependencySelect = { fromServiceId: true, toServiceId: true, trafficMbps: true, version: true } as const satisfies SelectOf<
  Prisma.ServiceDependencySelect,
  Omit<DependencyRelation, 'fromId' | 'toId'>
>;

export type SiteRow = Prisma.SiteGetPayload<{ select: typeof siteSelect }>;
export type EdgeServerRow = Prisma.EdgeServerGetPayload<{ select: typeof edgeServerSelect }>;
export type NetworkNodeRow = Prisma.NetworkNodeGetPayload<{ select: typeof networkNodeSelect }>;
export type VnfRow = Prisma.VnfGetPayload<{ select: typeof vnfSelect }>;
export type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>;
export type RegistryRow = Prisma.RegistryGetPayload<{ select: typeof registrySelect }>;
export type ControllerRow = Prisma.ControllerGetPayload<{ select: typeof controllerSelect }>;
export type LinkRow = Prisma.LinkGetPayload<{ select: typeof linkSelect }>;
export type DependencyRow = Prisma.ServiceDependencyGetPayload<{ select: typeof dependencySelect }>;

type Pos = Pick<SiteRow, keyof typeof placed>;

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
  tier: r.tier,
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
  nodeKind: r.kind,
  sdnManaged: r.sdnManaged,
  latitude: r.latitude,
  longitude: r.longitude,
});

export const vnfFromRow = (r: VnfRow): VnfEntity => ({
  kind: 'vnf',
  ...base(r),
  name: r.name,
  vnfKind: r.kind,
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

export const registryFromRow = (r: RegistryRow): RegistryEntity => ({
  kind: 'registry',
  ...base(r),
  name: r.name,
  url: r.url,
  siteId: r.siteId,
  networkNodeId: r.networkNodeId,
  edgeServerId: r.edgeServerId,
});

export const controllerFromRow = (r: ControllerRow): ControllerEntity => ({
  kind: 'controller',
  ...base(r),
  name: r.name,
  controllerKind: r.kind,
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
    medium: r.medium,
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

type ColumnName<F> = F extends 'nodeKind' | 'vnfKind' | 'controllerKind' ? 'kind' : F;
/** An entity's attributes under their column names, byte counts as the BigInt their column holds. */
export type EntityColumns<T> = { [F in keyof T as F extends 'kind' | 'id' | 'version' ? never : ColumnName<F>]: F extends 'storageBytes' ? bigint : T[F] };

/** Column values of an entity's attributes (no id, scenario or version): what create and
 * update write. `fields` may be partial (an update's changes). */
export function entityColumns<T extends object>(kind: EntityKind, fields: T): EntityColumns<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === 'kind' || key === 'id' || key === 'version') continue;
    if (key === 'nodeKind' || key === 'vnfKind' || key === 'controllerKind') out.kind = value;
    else if (key === 'storageBytes') out.storageBytes = BigInt(value as number);
    else out[key] = value;
  }
  if (kind === 'site' && 'siteId' in out) delete out.siteId;
  return out as EntityColumns<T>;
}

export function linkColumns(link: Pick<LinkRelation, 'a' | 'b'>): Record<'aEdgeServerId' | 'aNodeId' | 'bEdgeServerId' | 'bNodeId', string | null> {
  return {
    aEdgeServerId: link.a.kind === 'edgeServer' ? link.a.id : null,
    aNodeId: link.a.kind === 'networkNode' ? link.a.id : null,
    bEdgeServerId: link.b.kind === 'edgeServer' ? link.b.id : null,
    bNodeId: link.b.kind === 'networkNode' ? link.b.id : null,
  };
}
