import { z } from 'zod';
import { ARCHS, CONTROLLER_KINDS, FINISHED_RUN_STATUSES, LINK_MEDIA, NETWORK_NODE_KINDS, POLICY_TYPES, TIERS, VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { MAX_BANDWIDTH_MBPS, MAX_CONTAINERS, MAX_CPU_CORES, MAX_ENTITIES_PER_KIND, MAX_LATENCY_MS, MAX_LAYERS, MAX_MEMORY_MIB, MAX_REPLICAS } from '@/lib/limits/size-limits';
import { placementProblemSchema } from '@/lib/placement/problem-schema';
import { placementResultSchema } from '@/lib/placement/result-schema';
import { storedWeightsSchema } from '@/lib/placement-runs/objective-weights';
import { scenarioNameSchema } from '@/lib/scenarios/scenario-schema';

const CONTROL_ARTIFACT_KINDS = ['routes', 'link-load', 'flows', 'mesh'] as const;

// The lossless JSON form of a scenario: export, import, clone and backup all go through it.
// Entities refer to each other by name (digest for layers), never by database id, so a
// document can be imported anywhere. Byte counts are JSON integers (exact below 2^53 B = 8 PiB).

/**
 * A run's problem and result are checked against the placement formats (a junk problem would
 * crash the run page later) but kept exactly as written: parsing would fill in defaults, and the
 * document must stay lossless.
 */
const verbatim = (schema: z.ZodType) =>
  z
    .unknown()
    .nullable()
    .superRefine((value, ctx) => {
      if (value === null || value === undefined) return;
      const checked = schema.safeParse(value);
      if (!checked.success) for (const issue of checked.error.issues.slice(0, 20)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    });

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const bytes = z.number().int('must be a whole number of bytes').nonnegative('must be ≥ 0').max(Number.MAX_SAFE_INTEGER);
const atMost = (max: number) => `must be ≤ ${max}`;
const cores = () => z.number().finite().max(MAX_CPU_CORES, atMost(MAX_CPU_CORES));
const mib = () => z.number().int().max(MAX_MEMORY_MIB, atMost(MAX_MEMORY_MIB));
const mbps = () => z.number().int().max(MAX_BANDWIDTH_MBPS, atMost(MAX_BANDWIDTH_MBPS));
const position = z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().default(null);
const latitude = z.number().min(-90).max(90).nullable().default(null);
const longitude = z.number().min(-180).max(180).nullable().default(null);
const digest = z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/, 'must be a digest like sha256:…');
const arch = z.enum(ARCHS);
const imageKey = z.object({ repository: name, tag: name, arch });

const endpointSchema = z.object({ kind: z.enum(['edgeServer', 'networkNode']), name });

export const scenarioDocumentSchema = z
  .object({
    format: z.literal('edgestack.scenario'),
    version: z.literal(1),
    scenario: z.object({ name: scenarioNameSchema, description: z.string().max(2000).default('') }),
    sites: z
      .array(
        z.object({
          name,
          provider: z.string().max(120).default(''),
          region: z.string().max(120).default(''),
          latitude,
          longitude,
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    edgeServers: z
      .array(
        z.object({
          name,
          site: name.nullable().default(null),
          tier: z.enum(keys(TIERS)).default('edge'),
          arch: arch.default('amd64'),
          cpuCores: cores().positive('must be > 0'),
          memoryMiB: mib().positive('must be > 0'),
          storageBytes: bytes,
          bandwidthMbps: mbps().positive('must be > 0'),
          accelerators: z.array(z.string().trim().min(1).max(40)).default([]),
          cachedLayers: z.array(digest).default([]),
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    networkNodes: z
      .array(
        z.object({
          name,
          site: name.nullable().default(null),
          kind: z.enum(keys(NETWORK_NODE_KINDS)),
          sdnManaged: z.boolean().default(false),
          latitude,
          longitude,
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    links: z
      .array(
        z.object({
          name,
          medium: z.enum(keys(LINK_MEDIA)),
          bandwidthMbps: mbps().positive('must be > 0'),
          latencyMs: z.number().nonnegative().finite().max(MAX_LATENCY_MS, atMost(MAX_LATENCY_MS)),
          lossPercent: z.number().min(0).max(100).default(0),
          a: endpointSchema,
          b: endpointSchema,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    vnfs: z
      .array(
        z.object({
          name,
          kind: z.enum(keys(VNF_KINDS)),
          host: name,
          cpuCores: cores().positive().default(1),
          memoryMiB: mib().positive().default(1024),
          next: name.nullable().default(null),
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    registries: z
      .array(
        z.object({
          name,
          url: z.string().trim().min(1).max(500),
          site: name.nullable().default(null),
          /** The network node or edge server it sits on, where pulls reach it; null when unattached. */
          attachedTo: endpointSchema.nullable().default(null),
          position,
        }),
      )
      .default([]),
    layers: z
      .array(z.object({ digest, sizeBytes: bytes }))
      .max(MAX_LAYERS, atMost(MAX_LAYERS))
      .default([]),
    images: z
      .array(
        imageKey.extend({
          manifestDigest: digest.nullable().default(null),
          registry: name.nullable().default(null),
          layers: z.array(digest),
          /** Planner-declared size of an image without layer data; null when unknown. */
          declaredSizeBytes: bytes.nullable().default(null),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    services: z
      .array(
        z.object({
          name,
          imageRef: z.string().trim().min(1).max(300),
          image: imageKey.nullable().default(null),
          replicas: z.number().int().nonnegative().max(MAX_REPLICAS, atMost(MAX_REPLICAS)),
          cpuCores: cores().nonnegative(),
          memoryMiB: mib().nonnegative(),
          bandwidthMbps: mbps().nonnegative().default(0),
          /** TCP port; documents written before ports existed get the default. */
          port: z.number().int().min(1, 'must be a TCP port (1–65535)').max(65535, 'must be a TCP port (1–65535)').default(8080),
          arch: arch.nullable().default(null),
          accelerator: z.string().trim().min(1).max(40).nullable().default(null),
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    dependencies: z
      .array(
        z.object({
          from: name,
          to: name,
          trafficMbps: z.number().nonnegative().finite().max(MAX_BANDWIDTH_MBPS, atMost(MAX_BANDWIDTH_MBPS)).default(0),
          /** The VNFs its traffic crosses, in order (a service function chain). */
          chain: z.array(name).max(32, 'at most 32 VNFs in a chain').default([]),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    controllers: z
      .array(
        z.object({
          name,
          kind: z.enum(keys(CONTROLLER_KINDS)),
          product: z.string().max(120).default(''),
          host: name,
          cpuCores: cores().nonnegative().default(1),
          memoryMiB: mib().nonnegative().default(1024),
          manages: z
            .object({
              edgeServers: z.array(name).default([]),
              networkNodes: z.array(name).default([]),
              services: z.array(name).default([]),
              vnfs: z.array(name).default([]),
            })
            .default({ edgeServers: [], networkNodes: [], services: [], vnfs: [] }),
          position,
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    policies: z
      .array(
        z.object({
          name,
          type: z.enum(keys(POLICY_TYPES)),
          fraction: z.number().gt(0).max(1).nullable().default(null),
          services: z.array(name).default([]),
          edgeServers: z.array(name).default([]),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    placementRuns: z
      .array(
        z.object({
          algorithm: z.string().min(1).max(40),
          engine: z.string().min(1).max(40),
          objective: z.enum(['storage', 'download']),
          timeLimitSec: z.number().positive().finite(),
          seed: z.number().int().default(1),
          status: z.enum(FINISHED_RUN_STATUSES),
          costBytes: bytes.nullable(),
          lowerBoundBytes: bytes.nullable(),
          noSharingBytes: bytes.nullable(),
          elapsedMs: z.number().int().nonnegative().nullable(),
          message: z.string().nullable(),
          /** The objective's weights and their preset; null for a storage-only run. */
          weights: storedWeightsSchema.nullable().default(null),
          /** Whether the run re-planned the placement applied when it started. */
          replan: z.boolean().default(false),
          problem: verbatim(placementProblemSchema),
          result: verbatim(placementResultSchema),
          createdAt: z.iso.datetime(),
          startedAt: z.iso.datetime().nullable(),
          finishedAt: z.iso.datetime().nullable(),
          assignments: z.array(z.object({ service: name, replica: z.number().int().nonnegative(), edgeServer: name })),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    experimentRuns: z
      .array(
        z.object({
          figure: z.enum(['containers', 'capacity', 'tradeoff']),
          source: z.enum(['synthetic', 'scenario']),
          params: z.record(z.string(), z.unknown()),
          status: z.enum(['done', 'cancelled', 'error']),
          pointsDone: z.number().int().nonnegative(),
          pointsTotal: z.number().int().nonnegative(),
          points: z.array(z.record(z.string(), z.unknown())),
          message: z.string().nullable(),
          createdAt: z.iso.datetime(),
          startedAt: z.iso.datetime().nullable(),
          finishedAt: z.iso.datetime().nullable(),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    /** Versions of what the control plan produced (routes, link load, flow rules, mesh), oldest first. */
    controlArtifacts: z
      .array(
        z.object({
          kind: z.enum(CONTROL_ARTIFACT_KINDS),
          /** null for the scenario-wide artifacts (routes, link load). */
          controller: name.nullable().default(null),
          version: z.number().int().positive(),
          summary: z.string().max(500).default(''),
          content: z.unknown().refine((v) => v !== undefined, 'must be present'),
          /** Index into placementRuns of the run the plan was computed from. */
          placementRun: z.number().int().nonnegative().nullable().default(null),
          createdAt: z.iso.datetime(),
        }),
      )
      .max(MAX_ENTITIES_PER_KIND, atMost(MAX_ENTITIES_PER_KIND))
      .default([]),
    /** Index into placementRuns of the run applied as the scenario's placement. */
    appliedRun: z.number().int().nonnegative().nullable().default(null),
  })
  .superRefine((doc, ctx) => checkReferences(doc, ctx));

export type ScenarioDocument = z.output<typeof scenarioDocumentSchema>;
export type ScenarioDocumentInput = z.input<typeof scenarioDocumentSchema>;

function checkReferences(doc: ScenarioDocument, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const containers = doc.services.reduce((n, svc) => n + svc.replicas, 0);
  if (containers > MAX_CONTAINERS) issue(['services'], `${containers} replicas in all; a scenario holds at most ${MAX_CONTAINERS} containers`);
  const unique = <T>(list: T[], key: (item: T) => string, section: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) issue([section, i], `duplicate ${what} "${k}"`);
      seen.add(k);
    });
    return seen;
  };
  const sites = unique(doc.sites, (s) => s.name, 'sites', 'site name');
  const servers = unique(doc.edgeServers, (s) => s.name, 'edgeServers', 'edge server name');
  const nodes = unique(doc.networkNodes, (s) => s.name, 'networkNodes', 'network node name');
  unique(doc.links, (s) => s.name, 'links', 'link name');
  const vnfs = unique(doc.vnfs, (s) => s.name, 'vnfs', 'VNF name');
  const registries = unique(doc.registries, (s) => s.name, 'registries', 'registry name');
  const layers = unique(doc.layers, (s) => s.digest, 'layers', 'layer digest');
  const imageKeyOf = (i: { repository: string; tag: string; arch: string }) => `${i.repository}:${i.tag} (${i.arch})`;
  const images = unique(doc.images, imageKeyOf, 'images', 'image');
  const services = unique(doc.services, (s) => s.name, 'services', 'service name');
  const controllers = unique(doc.controllers, (s) => s.name, 'controllers', 'controller name');
  unique(doc.policies, (s) => s.name, 'policies', 'policy name');

  const known = (set: Set<string>, value: string | null, path: (string | number)[], what: string) => {
    if (value !== null && !set.has(value)) issue(path, `unknown ${what} "${value}"`);
  };
  doc.edgeServers.forEach((s, i) => {
    known(sites, s.site, ['edgeServers', i, 'site'], 'site');
    s.cachedLayers.forEach((d, j) => known(layers, d, ['edgeServers', i, 'cachedLayers', j], 'layer digest'));
  });
  doc.networkNodes.forEach((n, i) => known(sites, n.site, ['networkNodes', i, 'site'], 'site'));
  doc.registries.forEach((r, i) => {
    known(sites, r.site, ['registries', i, 'site'], 'site');
    if (r.attachedTo) {
      const at = r.attachedTo;
      known(at.kind === 'edgeServer' ? servers : nodes, at.name, ['registries', i, 'attachedTo', 'name'], at.kind === 'edgeServer' ? 'edge server' : 'network node');
    }
  });
  doc.links.forEach((l, i) => {
    for (const end of ['a', 'b'] as const) {
      const ref = l[end];
      known(ref.kind === 'edgeServer' ? servers : nodes, ref.name, ['links', i, end, 'name'], ref.kind === 'edgeServer' ? 'edge server' : 'network node');
    }
    if (l.a.kind === l.b.kind && l.a.name === l.b.name) issue(['links', i, 'b'], 'a link cannot join an endpoint to itself');
  });
  doc.vnfs.forEach((v, i) => {
    known(servers, v.host, ['vnfs', i, 'host'], 'edge server');
    known(vnfs, v.next, ['vnfs', i, 'next'], 'VNF');
    if (v.next === v.name) issue(['vnfs', i, 'next'], 'a VNF cannot chain to itself');
  });
  doc.images.forEach((img, i) => {
    known(registries, img.registry, ['images', i, 'registry'], 'registry');
    img.layers.forEach((d, j) => known(layers, d, ['images', i, 'layers', j], 'layer digest'));
  });
  doc.services.forEach((s, i) => {
    if (s.image) known(images, imageKeyOf(s.image), ['services', i, 'image'], 'image');
  });
  doc.dependencies.forEach((d, i) => {
    known(services, d.from, ['dependencies', i, 'from'], 'service');
    known(services, d.to, ['dependencies', i, 'to'], 'service');
    if (d.from === d.to) issue(['dependencies', i, 'to'], 'a service cannot depend on itself');
  });
  unique(doc.dependencies, (d) => `${d.from} → ${d.to}`, 'dependencies', 'dependency');
  doc.dependencies.forEach((d, i) => d.chain.forEach((v, j) => known(vnfs, v, ['dependencies', i, 'chain', j], 'VNF')));
  doc.controllers.forEach((c, i) => {
    known(servers, c.host, ['controllers', i, 'host'], 'edge server');
    c.manages.edgeServers.forEach((n, j) => known(servers, n, ['controllers', i, 'manages', 'edgeServers', j], 'edge server'));
    c.manages.networkNodes.forEach((n, j) => known(nodes, n, ['controllers', i, 'manages', 'networkNodes', j], 'network node'));
    c.manages.services.forEach((n, j) => known(services, n, ['controllers', i, 'manages', 'services', j], 'service'));
    c.manages.vnfs.forEach((n, j) => known(vnfs, n, ['controllers', i, 'manages', 'vnfs', j], 'VNF'));
  });
  doc.policies.forEach((p, i) => {
    p.services.forEach((n, j) => known(services, n, ['policies', i, 'services', j], 'service'));
    p.edgeServers.forEach((n, j) => known(servers, n, ['policies', i, 'edgeServers', j], 'edge server'));
    if (p.type === 'max-utilisation' && p.fraction === null) issue(['policies', i, 'fraction'], 'a utilisation cap needs a fraction in (0, 1]');
    if (p.type !== 'max-utilisation' && p.fraction !== null) issue(['policies', i, 'fraction'], 'only a utilisation cap has a fraction');
    if (p.type !== 'max-utilisation' && p.services.length === 0) issue(['policies', i, 'services'], 'name at least one service');
    if (p.type === 'pin' && p.edgeServers.length === 0) issue(['policies', i, 'edgeServers'], 'a pin names at least one edge server');
  });
  doc.placementRuns.forEach((r, i) =>
    r.assignments.forEach((a, j) => {
      known(services, a.service, ['placementRuns', i, 'assignments', j, 'service'], 'service');
      known(servers, a.edgeServer, ['placementRuns', i, 'assignments', j, 'edgeServer'], 'edge server');
    }),
  );
  if (doc.appliedRun !== null && doc.appliedRun >= doc.placementRuns.length) issue(['appliedRun'], 'no such placement run');
  const kindOf = new Map(doc.controllers.map((c) => [c.name, c.kind]));
  doc.controlArtifacts.forEach((a, i) => {
    known(controllers, a.controller, ['controlArtifacts', i, 'controller'], 'controller');
    const wanted = a.kind === 'flows' ? 'sdn' : a.kind === 'mesh' ? 'mesh' : null;
    if (wanted === null && a.controller !== null) issue(['controlArtifacts', i, 'controller'], `${a.kind} belong to the scenario, not to a controller`);
    if (wanted !== null && a.controller !== null && kindOf.has(a.controller) && kindOf.get(a.controller) !== wanted) {
      issue(['controlArtifacts', i, 'controller'], `${a.kind} belong to a ${wanted} controller`);
    }
    if (wanted !== null && a.controller === null) issue(['controlArtifacts', i, 'controller'], `${a.kind} name the ${wanted} controller they belong to`);
    if (a.placementRun !== null && a.placementRun >= doc.placementRuns.length) issue(['controlArtifacts', i, 'placementRun'], 'no such placement run');
  });
  unique(doc.controlArtifacts, (a) => `${a.kind} ${a.controller ?? '(scenario)'} v${a.version}`, 'controlArtifacts', 'artifact version');
}

/** `links[3].a.name: unknown edge server "x"` — the path first, as every boundary reports it. */
export function formatIssuePath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}
