import type { EdgeServer, Image, Layer, Link, NetworkNode, Service, Site } from '@/lib/generated/prisma/client';

// What an importer decided to write, in the terms of the scenario document (entities refer to
// each other by name, layers by digest), before the database is touched. One writer
// (write-import-plan.ts, one step per kind in write-plan/) merges any plan into a scenario in one
// transaction. Column values take their types from the Prisma models, so a schema change fails
// the type check here.

export type EndpointRef = { kind: 'edgeServer' | 'networkNode'; name: string };
export type ImageKey = Pick<Image, 'repository' | 'tag' | 'arch'>;

type PlannedSite = Pick<Site, 'name' | 'latitude' | 'longitude'> & Partial<Pick<Site, 'provider' | 'region'>>;
export type PlannedEdgeServer = Pick<EdgeServer, 'name' | 'tier' | 'arch' | 'cpuCores' | 'memoryMiB' | 'storageBytes' | 'bandwidthMbps' | 'accelerators'> & {
  site: string | null;
  /** Image references found on the machine (Kubernetes `status.images`): their layers are cached. */
  cachedImageRefs?: string[];
  /** Fields the file did not give (the planner filled in a default): a new edge server takes the
   * default, an existing one keeps what the scenario holds, so a re-import never overwrites a value
   * set in the editor with a default. */
  defaulted?: EdgeServerField[];
};

export type EdgeServerField = 'site' | 'tier' | 'arch' | 'cpuCores' | 'memoryMiB' | 'storageBytes' | 'bandwidthMbps' | 'accelerators';

/** Every field but the name and site: what a planner that only knows a server's name fills in. */
export const SIZED_BY_DEFAULT: EdgeServerField[] = ['tier', 'arch', 'cpuCores', 'memoryMiB', 'storageBytes', 'bandwidthMbps', 'accelerators'];
export type PlannedNetworkNode = Pick<NetworkNode, 'name' | 'kind' | 'latitude' | 'longitude'> & Partial<Pick<NetworkNode, 'sdnManaged'>> & { site: string | null };
export type PlannedLink = Pick<Link, 'name' | 'medium' | 'bandwidthMbps' | 'latencyMs'> & Partial<Pick<Link, 'lossPercent'>> & { a: EndpointRef; b: EndpointRef };
type PlannedLayer = Pick<Layer, 'digest' | 'sizeBytes'>;
export type PlannedImage = ImageKey & Pick<Image, 'manifestDigest'> & { layers: string[] };
export type PlannedService = Pick<Service, 'name' | 'imageRef' | 'replicas' | 'cpuCores' | 'memoryMiB' | 'arch' | 'accelerator'> & {
  /** TCP port from the manifest (containerPort, a Service's targetPort, compose ports/expose); null: not stated. */
  port?: number | null;
};
export type PlannedDependency = { from: string; to: string };

export type ImportPlan = {
  sites: PlannedSite[];
  edgeServers: PlannedEdgeServer[];
  networkNodes: PlannedNetworkNode[];
  links: PlannedLink[];
  layers: PlannedLayer[];
  images: PlannedImage[];
  services: PlannedService[];
  dependencies: PlannedDependency[];
  /** Things the parser noticed that the planner should know (skipped self-loops, unknown platforms…). */
  notes: string[];
  /** Counts the summary reports beyond the entities themselves. */
  stats: Record<string, number>;
};

export function emptyPlan(): ImportPlan {
  return { sites: [], edgeServers: [], networkNodes: [], links: [], layers: [], images: [], services: [], dependencies: [], notes: [], stats: {} };
}

export const IMPORT_KINDS = ['topology', 'images', 'services', 'sites', 'nodes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
