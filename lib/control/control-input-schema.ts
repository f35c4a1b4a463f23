import { z } from 'zod';
import { formatIssuePath } from '../placement/problem-schema';
import { parseIpv4Cidr } from './parse-ipv4-cidr';

/**
 * ControlInput v1: what the control engine needs from a scenario and its applied placement.
 * Everything refers to everything else by name (names are unique per kind within a scenario),
 * so the JSON can be read, edited and diffed by hand, and downloaded beside the plan it produced.
 *
 * Links: the scenario's `Link.name` (unique within a scenario) is the link's name here, in the
 * flow tables, `ports.json` and `link-load.csv`. Sources that have no link names (a bare graph,
 * the benchmark's GraphML) name them with `nameLink` below: `<a>--<b>` with the two end names
 * in the order given, and `<a>--<b>#2`, `#3`, … for the second and later parallel links between
 * the same ends.
 */
export const CONTROL_INPUT_FORMAT = 'edgestack.control-input';

/** Inputs above this are refused before JSON parsing (a huge upload must not stall the process). */
const MAX_CONTROL_INPUT_BYTES = 50 * 1024 * 1024;

const DEFAULT_SUBNET = '10.64.0.0/16';
const DEFAULT_ONOS_APP_ID = 'org.edgestack.control';
const DEFAULT_MESH_NAMESPACE = 'default';
/** Suggested default for a service without a declared TCP port (the usual HTTP alternate). */
export const DEFAULT_SERVICE_PORT = 8080;

const NETWORK_NODE_KINDS = ['switch', 'router', 'base_station', 'access_point', 'gateway'] as const;
const VNF_KINDS = ['firewall', 'load_balancer', 'nat', 'ids', 'dpi', 'vpn_gateway', 'upf'] as const;
const CONTROLLER_KINDS = ['orchestrator', 'mesh', 'sdn', 'mano'] as const;

const finite = () => z.number({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a finite number') });
const name = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a string') })
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters');
const names = () => z.array(name()).default([]);

const siteSchema = z.strictObject({
  name: name(),
  region: z.string().max(200).default(''),
  /** Topology zone inside the region; empty when the scenario does not say. */
  zone: z.string().max(200).default(''),
});

const edgeServerSchema = z.strictObject({
  name: name(),
  /** Site name, or null for an edge server outside any site. */
  site: name().nullable().default(null),
});

const networkNodeSchema = z.strictObject({
  name: name(),
  kind: z.enum(NETWORK_NODE_KINDS, { error: `must be one of ${NETWORK_NODE_KINDS.join(', ')}` }),
  sdnManaged: z.boolean({ error: 'must be true or false' }).default(false),
  site: name().nullable().default(null),
});

const linkEndSchema = z.strictObject({
  kind: z.enum(['edgeServer', 'networkNode'], { error: 'must be "edgeServer" or "networkNode"' }),
  name: name(),
});

const linkSchema = z.strictObject({
  name: name(),
  a: linkEndSchema,
  b: linkEndSchema,
  bandwidthMbps: finite().gt(0, 'must be > 0 Mbit/s'),
  latencyMs: finite().min(0, 'must be ≥ 0 ms'),
  lossPct: finite().min(0, 'must be ≥ 0 %').max(100, 'must be ≤ 100 %').default(0),
});

const serviceSchema = z.strictObject({
  name: name(),
  /** TCP port the service listens on (the TCP_DST of its flow rules, the VirtualService's port). */
  port: finite().int('must be an integer').min(1, 'must be a TCP port (1–65535)').max(65535, 'must be a TCP port (1–65535)'),
  replicas: finite().int('must be an integer').min(0, 'must be ≥ 0').max(10_000, 'must be ≤ 10000'),
});

const placementSchema = z.strictObject({
  service: name(),
  /** 0-based replica index, below the service's `replicas`. */
  replica: finite().int('must be an integer').min(0, 'must be ≥ 0'),
  edgeServer: name(),
});

const dependencySchema = z.strictObject({
  from: name(),
  to: name(),
  trafficMbps: finite().min(0, 'must be ≥ 0 Mbit/s'),
  /** VNF names the traffic must traverse, in order; empty for a direct dependency. */
  chain: names(),
});

const vnfSchema = z.strictObject({
  name: name(),
  kind: z.enum(VNF_KINDS, { error: `must be one of ${VNF_KINDS.join(', ')}` }),
  /** Name of the edge server that hosts the VNF. */
  host: name(),
  cpuCores: finite().min(0, 'must be ≥ 0 cores').default(1),
  memoryMiB: finite().min(0, 'must be ≥ 0 MiB').default(1024),
});

const controllerSchema = z.strictObject({
  name: name(),
  kind: z.enum(CONTROLLER_KINDS, { error: `must be one of ${CONTROLLER_KINDS.join(', ')}` }),
  /** Name of the edge server that hosts the controller. */
  host: name(),
  manages: z.strictObject({ edgeServers: names(), networkNodes: names(), services: names(), vnfs: names() }).default({ edgeServers: [], networkNodes: [], services: [], vnfs: [] }),
});

export const controlInputSchema = z
  .strictObject({
    format: z.literal(CONTROL_INPUT_FORMAT, { error: `must be "${CONTROL_INPUT_FORMAT}"` }),
    version: z.literal(1, { error: 'must be 1 (this engine reads ControlInput v1)' }),
    /** Where the input came from, echoed into the plan; informational only. */
    source: z
      .strictObject({
        scenario: z.string().max(200).nullable().default(null),
        placementRunId: z.string().max(200).nullable().default(null),
      })
      .default({ scenario: null, placementRunId: null }),
    addressing: z
      .strictObject({
        /** IPv4 CIDR the replica addresses come from, e.g. 10.64.0.0/16. */
        subnet: z.string().default(DEFAULT_SUBNET),
      })
      .default({ subnet: DEFAULT_SUBNET }),
    onos: z.strictObject({ appId: name().default(DEFAULT_ONOS_APP_ID) }).default({ appId: DEFAULT_ONOS_APP_ID }),
    mesh: z
      .strictObject({
        /** Kubernetes namespace of the Istio objects and of the services' hosts. */
        namespace: z
          .string()
          .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a Kubernetes namespace name (lowercase letters, digits, "-")')
          .default(DEFAULT_MESH_NAMESPACE),
      })
      .default({ namespace: DEFAULT_MESH_NAMESPACE }),
    sites: z.array(siteSchema).default([]),
    edgeServers: z.array(edgeServerSchema).default([]),
    networkNodes: z.array(networkNodeSchema).default([]),
    links: z.array(linkSchema).default([]),
    services: z.array(serviceSchema).default([]),
    placements: z.array(placementSchema).default([]),
    dependencies: z.array(dependencySchema).default([]),
    vnfs: z.array(vnfSchema).default([]),
    controllers: z.array(controllerSchema).default([]),
  })
  .superRefine((input, ctx) => {
    const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const index = <T extends { name: string }>(list: T[], key: string) => {
      const seen = new Map<string, T>();
      list.forEach((item, i) => {
        if (seen.has(item.name)) report([key, i, 'name'], `duplicate name "${item.name}"`);
        else seen.set(item.name, item);
      });
      return seen;
    };
    const sites = index(input.sites, 'sites');
    const servers = index(input.edgeServers, 'edgeServers');
    const nodes = index(input.networkNodes, 'networkNodes');
    index(input.links, 'links');
    // Paths, ports.json and flows name nodes without their kind, so the two kinds share one namespace.
    input.networkNodes.forEach((n, i) => {
      if (servers.has(n.name)) report(['networkNodes', i, 'name'], `"${n.name}" is also an edge server's name; routes name nodes without their kind, so rename one`);
    });
    const services = index(input.services, 'services');
    const vnfs = index(input.vnfs, 'vnfs');
    index(input.controllers, 'controllers');

    const subnet = parseIpv4Cidr(input.addressing.subnet);
    if (!subnet.ok) report(['addressing', 'subnet'], subnet.message);

    input.edgeServers.forEach((s, i) => {
      if (s.site !== null && !sites.has(s.site)) report(['edgeServers', i, 'site'], `unknown site "${s.site}"`);
    });
    input.networkNodes.forEach((n, i) => {
      if (n.site !== null && !sites.has(n.site)) report(['networkNodes', i, 'site'], `unknown site "${n.site}"`);
    });
    input.links.forEach((l, i) => {
      for (const end of ['a', 'b'] as const) {
        const e = l[end];
        const known = e.kind === 'edgeServer' ? servers : nodes;
        if (!known.has(e.name)) report(['links', i, end, 'name'], `unknown ${e.kind === 'edgeServer' ? 'edge server' : 'network node'} "${e.name}"`);
      }
      if (l.a.kind === l.b.kind && l.a.name === l.b.name) report(['links', i, 'b'], 'a link cannot join a node to itself');
    });

    const placed = new Set<string>();
    let replicaTotal = 0;
    input.services.forEach((s) => (replicaTotal += s.replicas));
    input.placements.forEach((p, i) => {
      const service = services.get(p.service);
      if (!service) report(['placements', i, 'service'], `unknown service "${p.service}"`);
      else if (p.replica >= service.replicas)
        report(['placements', i, 'replica'], `service "${p.service}" has ${service.replicas} replica(s); indexes run from 0 to ${service.replicas - 1}`);
      if (!servers.has(p.edgeServer)) report(['placements', i, 'edgeServer'], `unknown edge server "${p.edgeServer}"`);
      const key = `${p.service}\u0000${p.replica}`;
      if (placed.has(key)) report(['placements', i, 'replica'], `replica ${p.replica} of "${p.service}" is placed twice`);
      placed.add(key);
    });
    if (subnet.ok && replicaTotal > subnet.usable)
      report(['addressing', 'subnet'], `${input.addressing.subnet} has ${subnet.usable} host addresses; the services have ${replicaTotal} replicas`);

    const pairs = new Set<string>();
    input.dependencies.forEach((d, i) => {
      if (!services.has(d.from)) report(['dependencies', i, 'from'], `unknown service "${d.from}"`);
      if (!services.has(d.to)) report(['dependencies', i, 'to'], `unknown service "${d.to}"`);
      const key = `${d.from}\u0000${d.to}`;
      if (pairs.has(key)) report(['dependencies', i, 'to'], `dependency "${d.from}" → "${d.to}" is listed twice`);
      pairs.add(key);
      d.chain.forEach((v, k) => {
        if (!vnfs.has(v)) report(['dependencies', i, 'chain', k], `unknown VNF "${v}"`);
      });
    });
    input.vnfs.forEach((v, i) => {
      if (!servers.has(v.host)) report(['vnfs', i, 'host'], `unknown edge server "${v.host}"`);
    });
    input.controllers.forEach((c, i) => {
      if (!servers.has(c.host)) report(['controllers', i, 'host'], `unknown edge server "${c.host}"`);
      const check = (key: 'edgeServers' | 'networkNodes' | 'services' | 'vnfs', known: Map<string, unknown>, what: string) =>
        c.manages[key].forEach((n, k) => {
          if (!known.has(n)) report(['controllers', i, 'manages', key, k], `unknown ${what} "${n}"`);
        });
      check('edgeServers', servers, 'edge server');
      check('networkNodes', nodes, 'network node');
      check('services', services, 'service');
      check('vnfs', vnfs, 'VNF');
    });
  });

export type ControlInput = z.output<typeof controlInputSchema>;
/** What a file may omit (defaults fill the rest). */
export type ControlInputDraft = z.input<typeof controlInputSchema>;
export type ControlLink = ControlInput['links'][number];

export type ControlInputError = { path: string; message: string };
export type ParseControlInputResult = { ok: true; input: ControlInput } | { ok: false; errors: ControlInputError[] };

/**
 * Validates a ControlInput given as JSON text (size-checked before parsing) or as a parsed value.
 * Errors are values with paths such as `links[3].b.name`, so every mistake is shown at once.
 */
export function parseControlInput(value: unknown): ParseControlInputResult {
  let data = value;
  if (typeof value === 'string') {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > MAX_CONTROL_INPUT_BYTES) return { ok: false, errors: [{ path: '(root)', message: `input is ${bytes} bytes; the limit is ${MAX_CONTROL_INPUT_BYTES} (50 MiB)` }] };
    try {
      data = JSON.parse(value);
    } catch (error) {
      return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = controlInputSchema.safeParse(data);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
}

/**
 * The deterministic name of a link that has none: `<a>--<b>`, then `<a>--<b>#2`, `#3`, … for
 * parallel links. `taken` holds the names given so far and is updated.
 */
export function nameLink(a: string, b: string, taken: Set<string>): string {
  const base = `${a}--${b}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}#${n}`;
  taken.add(candidate);
  return candidate;
}
