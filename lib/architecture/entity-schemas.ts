// zod schemas of what the editor may write, shared by the inspector (messages at the field) and
// the server actions (which validate again: the browser is never trusted).

import { z } from 'zod';
import { ACCELERATORS, ARCHS, CONTROLLER_KINDS, LINK_MEDIA, NETWORK_NODE_KINDS, TIERS, VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { MAX_BANDWIDTH_MBPS, MAX_BYTES, MAX_CPU_CORES, MAX_LATENCY_MS, MAX_MEMORY_MIB, MAX_REPLICAS } from '@/lib/limits/size-limits';
import type { EntityKind, EntityOf } from './snapshot';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const uuid = z.string().uuid('Not a valid id.');
const name = z.string().trim().min(1, 'Enter a name.').max(100, 'At most 100 characters.');
const num = (what: string) => z.number({ error: `Enter ${what} as a number.` }).refine(Number.isFinite, `Enter ${what} as a number.`);
const positive = (what: string, label: string) => num(what).refine((v) => v > 0, `${label} must be more than 0.`);
const positiveInt = (what: string, label: string) =>
  num(what)
    .refine(Number.isInteger, `${label} must be a whole number.`)
    .refine((v) => v > 0, `${label} must be at least 1.`);
const nonNegative = (what: string, label: string) => num(what).refine((v) => v >= 0, `${label} cannot be negative.`);
const nonNegativeInt = (what: string, label: string) =>
  num(what)
    .refine(Number.isInteger, `${label} must be a whole number.`)
    .refine((v) => v >= 0, `${label} cannot be negative.`);
/** Every number has a ceiling (lib/limits/size-limits.ts): its column's type, or a sane bound below it. */
const atMost = <T extends z.ZodType<number>>(schema: T, max: number, label: string) => schema.refine((v) => v <= max, `${label} must be at most ${max.toLocaleString('en')}.`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const coordinate = (limit: number, label: string) =>
  num(label.toLowerCase())
    .refine((v) => Math.abs(v) <= limit, `${label} must be between -${limit} and ${limit}.`)
    .nullable();

export const siteFields = z.object({
  name,
  provider: optionalText(100),
  region: optionalText(100),
  latitude: coordinate(90, 'Latitude'),
  longitude: coordinate(180, 'Longitude'),
});

export const edgeServerFields = z.object({
  name,
  siteId: uuid.nullable(),
  tier: z.enum(keys(TIERS), 'Choose a tier.'),
  arch: z.enum(ARCHS, 'Choose an architecture.'),
  cpuCores: atMost(positive('the cores', 'Cores'), MAX_CPU_CORES, 'Cores'),
  memoryMiB: atMost(positiveInt('the memory', 'Memory'), MAX_MEMORY_MIB, 'Memory (MiB)'),
  storageBytes: atMost(nonNegativeInt('the storage', 'Storage'), MAX_BYTES, 'Storage (bytes)'),
  bandwidthMbps: atMost(positiveInt('the bandwidth', 'Bandwidth'), MAX_BANDWIDTH_MBPS, 'Bandwidth (Mbit/s)'),
  accelerators: z.array(z.enum(ACCELERATORS, 'Unknown accelerator.')).refine((a) => new Set(a).size === a.length, 'Each accelerator once.'),
});

export const networkNodeFields = z.object({
  name,
  siteId: uuid.nullable(),
  nodeKind: z.enum(keys(NETWORK_NODE_KINDS), 'Choose a kind.'),
  sdnManaged: z.boolean(),
  latitude: coordinate(90, 'Latitude'),
  longitude: coordinate(180, 'Longitude'),
});

export const vnfFields = z.object({
  name,
  vnfKind: z.enum(keys(VNF_KINDS), 'Choose a kind.'),
  hostServerId: uuid,
  cpuCores: atMost(positive('the cores', 'Cores'), MAX_CPU_CORES, 'Cores'),
  memoryMiB: atMost(positiveInt('the memory', 'Memory'), MAX_MEMORY_MIB, 'Memory (MiB)'),
  nextVnfId: uuid.nullable(),
});

export const serviceFields = z.object({
  name,
  imageRef: z.string().trim().min(1, 'Enter an image reference, e.g. nginx:1.27.').max(300, 'At most 300 characters.'),
  imageId: uuid.nullable(),
  replicas: atMost(nonNegativeInt('the replicas', 'Replicas'), MAX_REPLICAS, 'Replicas'),
  cpuCores: atMost(nonNegative('the cores', 'Cores'), MAX_CPU_CORES, 'Cores'),
  memoryMiB: atMost(nonNegativeInt('the memory', 'Memory'), MAX_MEMORY_MIB, 'Memory (MiB)'),
  bandwidthMbps: atMost(nonNegativeInt('the bandwidth', 'Bandwidth'), MAX_BANDWIDTH_MBPS, 'Bandwidth (Mbit/s)'),
  port: positiveInt('the TCP port', 'Port').refine((v) => v <= 65535, 'A TCP port is at most 65535.'),
  arch: z.enum(ARCHS, 'Choose an architecture.').nullable(),
  accelerator: z.enum(ACCELERATORS, 'Unknown accelerator.').nullable(),
});

export const controllerFields = z.object({
  name,
  controllerKind: z.enum(keys(CONTROLLER_KINDS), 'Choose a kind.'),
  product: optionalText(100),
  hostServerId: uuid,
  cpuCores: atMost(nonNegative('the cores', 'Cores'), MAX_CPU_CORES, 'Cores'),
  memoryMiB: atMost(nonNegativeInt('the memory', 'Memory'), MAX_MEMORY_MIB, 'Memory (MiB)'),
});

export const registryFields = z.object({
  name,
  url: z.string().trim().min(1, 'Enter the registry’s URL, e.g. https://registry.example.').max(500, 'At most 500 characters.'),
  siteId: uuid.nullable(),
  // At most one of the two: the database's CHECK says so too. An update that attaches the
  // registry to one kind detaches it from the other (apply-edit/update-entity.ts).
  networkNodeId: uuid.nullable(),
  edgeServerId: uuid.nullable(),
});

/** A registry sits on one network node or one edge server, never both. */
export function attachmentErrors(fields: { networkNodeId?: string | null; edgeServerId?: string | null }): Record<string, string[]> {
  return fields.networkNodeId && fields.edgeServerId ? { edgeServerId: ['Attach the registry to a network node or an edge server, not both.'] } : {};
}

export const linkEndSchema = z.object({ kind: z.enum(['edgeServer', 'networkNode']), id: uuid });

export const linkFields = z.object({
  name,
  medium: z.enum(keys(LINK_MEDIA), 'Choose a medium.'),
  bandwidthMbps: atMost(positiveInt('the bandwidth', 'Bandwidth'), MAX_BANDWIDTH_MBPS, 'Bandwidth (Mbit/s)'),
  latencyMs: atMost(nonNegative('the latency', 'Latency'), MAX_LATENCY_MS, 'Latency (ms)'),
  lossPercent: nonNegative('the loss', 'Loss').refine((v) => v <= 100, 'Loss is at most 100 %.'),
});

export const dependencyFields = z.object({ trafficMbps: atMost(nonNegative('the traffic', 'Traffic'), MAX_BANDWIDTH_MBPS, 'Traffic (Mbit/s)') });

/** What the editor writes of an entity: all but identity, version and position. The snapshot's
 * entities are tied to the Prisma rows (db-mapping.ts); tying the schemas to the entities makes a
 * renamed, removed or retyped field fail the type check here too. */
type Attributes<K extends EntityKind> = Omit<EntityOf<K>, 'kind' | 'id' | 'version' | 'posX' | 'posY'>;

export const ENTITY_FIELD_SCHEMAS = {
  site: siteFields,
  edgeServer: edgeServerFields,
  networkNode: networkNodeFields,
  vnf: vnfFields,
  service: serviceFields,
  registry: registryFields,
  controller: controllerFields,
} as const satisfies { [K in EntityKind]: z.ZodObject & z.ZodType<Attributes<K>> };

export type EntityFields<K extends EntityKind> = z.infer<(typeof ENTITY_FIELD_SCHEMAS)[K]>;

/** Field errors keyed by field name, as the inspector shows them. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.length ? String(issue.path[0]) : '_form'] ??= []).push(issue.message);
  return out;
}
