// The architecture editor's model: the plain, serialisable picture of one scenario's four layers
// that the server hands to the canvas. Everything here is JSON (byte counts are numbers: exact
// below 2^53 bytes, as in the scenario document). The canvas never sees Prisma rows.

import type { ControllerKind, LayerName, LinkMedium, NetworkNodeKind, Tier, VnfKind } from '@/lib/vocabulary/kinds-and-labels';

/** Entities drawn as nodes (flow-ids.ts spells their React Flow ids). */
export const ENTITY_KINDS = ['controller', 'service', 'registry', 'vnf', 'networkNode', 'edgeServer', 'site'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const EDGE_KINDS = ['link', 'hosting', 'manages', 'dependency', 'placement', 'attachment'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const EDGE_KIND_LABELS: Record<EdgeKind, string> = {
  link: 'Network link',
  hosting: 'Hosted on',
  manages: 'Manages',
  dependency: 'Calls (dependency)',
  placement: 'Placed replica',
  attachment: 'Registry attached to',
};

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  controller: 'Controller',
  service: 'Service',
  registry: 'Registry',
  vnf: 'VNF',
  networkNode: 'Network node',
  edgeServer: 'Edge server',
  site: 'Site',
};

/** The band (layer) every kind is drawn in, top to bottom: control, service, network, physical. */
export const BAND_OF: Record<EntityKind, LayerName> = {
  controller: 'control',
  service: 'service',
  // A registry serves images to the service layer; where it sits in the network is its
  // attachment edge, drawn down to a network node or an edge server.
  registry: 'service',
  vnf: 'network',
  networkNode: 'network',
  edgeServer: 'physical',
  site: 'physical',
};

export const BAND_ORDER: readonly LayerName[] = ['control', 'service', 'network', 'physical'];

type Placed = { id: string; version: number; posX: number | null; posY: number | null };

export type SiteEntity = Placed & { kind: 'site'; name: string; provider: string; region: string; latitude: number | null; longitude: number | null };
export type EdgeServerEntity = Placed & {
  kind: 'edgeServer';
  name: string;
  siteId: string | null;
  tier: Tier;
  arch: string;
  cpuCores: number;
  memoryMiB: number;
  storageBytes: number;
  bandwidthMbps: number;
  accelerators: string[];
};
export type NetworkNodeEntity = Placed & {
  kind: 'networkNode';
  name: string;
  siteId: string | null;
  nodeKind: NetworkNodeKind;
  sdnManaged: boolean;
  latitude: number | null;
  longitude: number | null;
};
export type VnfEntity = Placed & {
  kind: 'vnf';
  name: string;
  vnfKind: VnfKind;
  hostServerId: string;
  cpuCores: number;
  memoryMiB: number;
  nextVnfId: string | null;
};
export type ServiceEntity = Placed & {
  kind: 'service';
  name: string;
  imageRef: string;
  imageId: string | null;
  replicas: number;
  cpuCores: number;
  memoryMiB: number;
  bandwidthMbps: number;
  /** TCP port the service listens on */
  port: number;
  arch: string | null;
  accelerator: string | null;
};
/** An image registry, attached to at most one network node or edge server (pulls reach it there). */
export type RegistryEntity = Placed & {
  kind: 'registry';
  name: string;
  url: string;
  siteId: string | null;
  networkNodeId: string | null;
  edgeServerId: string | null;
};
export type ControllerEntity = Placed & {
  kind: 'controller';
  name: string;
  controllerKind: ControllerKind;
  product: string;
  hostServerId: string;
  cpuCores: number;
  memoryMiB: number;
};

export type Entity = SiteEntity | EdgeServerEntity | NetworkNodeEntity | VnfEntity | ServiceEntity | RegistryEntity | ControllerEntity;
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;

export type LinkEnd = { kind: 'edgeServer' | 'networkNode'; id: string };
export type LinkRelation = {
  id: string;
  version: number;
  name: string;
  medium: LinkMedium;
  bandwidthMbps: number;
  latencyMs: number;
  lossPercent: number;
  a: LinkEnd;
  b: LinkEnd;
};
export type DependencyRelation = { fromId: string; toId: string; trafficMbps: number; version: number };
export const MANAGED_KINDS = ['edgeServer', 'networkNode', 'service', 'vnf'] as const;
export type ManagedKind = (typeof MANAGED_KINDS)[number];
export type ManagesRelation = { controllerId: string; targetKind: ManagedKind; targetId: string };

/** Replicas of one service that the applied run placed on one edge server. */
export type PlacementRelation = { serviceId: string; edgeServerId: string; replicas: number[] };

export type ImageInfo = { id: string; label: string; arch: string; layerIds: string[] };

export type AppliedPlacement = {
  runId: string;
  algorithm: string;
  status: string;
  finishedAt: string | null;
  relations: PlacementRelation[];
};

/** What the canvas needs to draw and edit one scenario. */
export type ArchitectureSnapshot = {
  scenario: { id: string; name: string };
  entities: Entity[];
  links: LinkRelation[];
  dependencies: DependencyRelation[];
  manages: ManagesRelation[];
  placement: AppliedPlacement | null;
  /** For the storage colouring and the service inspector's image choice. */
  images: ImageInfo[];
  layerSizes: Record<string, number>;
  cachedLayers: Record<string, string[]>;
  loadedAt: string;
};
