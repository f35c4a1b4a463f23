import { z } from 'zod';
import { LINK_MEDIA, NETWORK_NODE_KINDS, TIERS } from '@/lib/vocabulary/kinds-and-labels';
import { emptyPlan, SIZED_BY_DEFAULT, type EndpointRef, type ImportPlan } from '../import-plan';
import { flag } from '../option-schemas';
import { uniqueNamer } from '../import-input';
import { parseBandwidthMbps } from './parse-bandwidth';
import { greatCircleKm, propagationLatencyMs } from './great-circle';
import type { TopologyGraph } from './topology-graph';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** What the planner chooses in the preview (the command line uses the defaults). */
export const topologyOptionsSchema = z.object({
  /** network: every node a network node; edge: every node a site with one edge server;
   * both: a site with a network node and an edge server joined by a local link. */
  nodesBecome: z.enum(['network', 'edge', 'both']).default('network'),
  nodeKind: z.enum(keys(NETWORK_NODE_KINDS)).default('router'),
  medium: z.enum(keys(LINK_MEDIA)).default('fiber'),
  /** Used when the link label names no speed, or always when parseBandwidth is off. */
  linkBandwidthMbps: z.coerce.number().int().positive().max(100_000_000).default(1000),
  parseBandwidth: flag(true),
  /** Used when an end has no coordinates, or always when geoLatency is off. */
  linkLatencyMs: z.coerce.number().nonnegative().max(100_000).default(1),
  geoLatency: flag(true),
  serverCpuCores: z.coerce.number().positive().max(100_000).default(16),
  serverMemoryMiB: z.coerce.number().int().positive().default(65_536),
  serverStorageGiB: z.coerce.number().positive().default(500),
  serverBandwidthMbps: z.coerce.number().int().positive().default(10_000),
  serverArch: z.string().default('amd64'),
  /** Prefix for every name, so two topologies can live in one scenario. */
  namePrefix: z.string().max(40).default(''),
});
export type TopologyOptions = z.output<typeof topologyOptionsSchema>;

export function planTopologyImport(graph: TopologyGraph, input: Partial<z.input<typeof topologyOptionsSchema>> = {}): ImportPlan {
  const o = topologyOptionsSchema.parse(input);
  const plan = emptyPlan();
  const nodeName = uniqueNamer(o.nodesBecome === 'network' ? 120 : 113);
  const names = new Map<string, string>();
  const coords = new Map<string, { latitude: number | null; longitude: number | null }>();
  const endpoint = new Map<string, EndpointRef>();
  const declaredSites = new Set<string>();
  for (const n of graph.nodes) {
    const name = nodeName(`${o.namePrefix}${n.label}`);
    names.set(n.id, name);
    coords.set(n.id, n);
    const server = {
      name: o.nodesBecome === 'both' ? `${name} server` : name,
      site: name,
      tier: 'edge' as const,
      arch: o.serverArch,
      cpuCores: o.serverCpuCores,
      memoryMiB: o.serverMemoryMiB,
      storageBytes: BigInt(Math.round(o.serverStorageGiB * 2 ** 30)),
      bandwidthMbps: o.serverBandwidthMbps,
      accelerators: [],
      defaulted: SIZED_BY_DEFAULT,
    };
    // A file edgestack wrote says what each node is; honour it unless the planner chose otherwise.
    const declared = n.attributes.kind;
    if (o.nodesBecome === 'network' && declared && (declared === 'edge_server' || declared in NETWORK_NODE_KINDS)) {
      const site = n.attributes.site?.trim() || null;
      if (site && !declaredSites.has(site)) {
        declaredSites.add(site);
        plan.sites.push({ name: site, latitude: null, longitude: null });
      }
      if (declared === 'edge_server') {
        const a = n.attributes;
        const num = (v: string | undefined, fallback: number) => (v !== undefined && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);
        plan.edgeServers.push({
          ...server,
          site,
          tier: a.tier && a.tier in TIERS ? (a.tier as keyof typeof TIERS) : 'edge',
          arch: a.arch || o.serverArch,
          cpuCores: num(a.cpuCores, o.serverCpuCores),
          memoryMiB: Math.round(num(a.memoryMiB, o.serverMemoryMiB)),
          storageBytes: a.storageBytes && /^\d+$/.test(a.storageBytes) ? BigInt(a.storageBytes) : server.storageBytes,
          bandwidthMbps: Math.round(num(a.bandwidthMbps, o.serverBandwidthMbps)),
          accelerators: (a.accelerators ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
          defaulted: (
            [
              ['tier', a.tier],
              ['arch', a.arch],
              ['cpuCores', a.cpuCores],
              ['memoryMiB', a.memoryMiB],
              ['storageBytes', a.storageBytes],
              ['bandwidthMbps', a.bandwidthMbps],
              ['accelerators', a.accelerators],
            ] as const
          )
            .filter(([, value]) => value === undefined)
            .map(([field]) => field),
        });
        endpoint.set(n.id, { kind: 'edgeServer', name });
      } else {
        plan.networkNodes.push({
          name,
          site,
          kind: declared as keyof typeof NETWORK_NODE_KINDS,
          latitude: n.latitude,
          longitude: n.longitude,
          sdnManaged: n.attributes.sdnManaged === 'true',
        });
        endpoint.set(n.id, { kind: 'networkNode', name });
      }
      continue;
    }
    if (o.nodesBecome !== 'network') plan.sites.push({ name, latitude: n.latitude, longitude: n.longitude, region: n.attributes.Country ?? '' });
    if (o.nodesBecome !== 'edge') {
      plan.networkNodes.push({ name, site: o.nodesBecome === 'both' ? name : null, kind: o.nodeKind, latitude: n.latitude, longitude: n.longitude });
      endpoint.set(n.id, { kind: 'networkNode', name });
    } else endpoint.set(n.id, { kind: 'edgeServer', name });
    if (o.nodesBecome !== 'network') plan.edgeServers.push(server);
    if (o.nodesBecome === 'both') {
      plan.links.push({
        name: `${name} uplink`,
        medium: 'ethernet',
        bandwidthMbps: o.serverBandwidthMbps,
        latencyMs: 0.1,
        a: { kind: 'edgeServer', name: server.name },
        b: { kind: 'networkNode', name },
      });
    }
  }
  const linkName = uniqueNamer(120);
  let selfLoops = 0;
  let parallel = 0;
  let bandwidthFromLabel = 0;
  let latencyFromGeo = 0;
  const seenPairs = new Set<string>();
  for (const e of graph.edges) {
    if (e.source === e.target) {
      selfLoops++;
      continue;
    }
    const pair = [e.source, e.target].sort().join('\u0000');
    if (seenPairs.has(pair)) parallel++;
    seenPairs.add(pair);
    const attrs = e.attributes;
    const exact = (v: string | undefined) => (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : null);
    const raw = exact(attrs.LinkSpeedRaw);
    const parsed = !o.parseBandwidth
      ? null
      : ((exact(attrs.bandwidthMbps) !== null && exact(attrs.bandwidthMbps)! > 0 ? Math.round(exact(attrs.bandwidthMbps)!) : null) ??
        parseBandwidthMbps(e.label) ??
        (raw !== null && raw >= 1e6 ? Math.round(raw / 1e6) : null));
    if (parsed !== null) bandwidthFromLabel++;
    const a = coords.get(e.source)!;
    const b = coords.get(e.target)!;
    let latencyMs = o.linkLatencyMs;
    if (exact(attrs.latencyMs) !== null) latencyMs = exact(attrs.latencyMs)!;
    else if (o.geoLatency && a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
      latencyMs = propagationLatencyMs(greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude));
      latencyFromGeo++;
    }
    const medium = attrs.medium && attrs.medium in LINK_MEDIA ? (attrs.medium as keyof typeof LINK_MEDIA) : o.medium;
    const loss = exact(attrs.lossPercent);
    plan.links.push({
      name: linkName(attrs.name?.trim() || `${names.get(e.source)} – ${names.get(e.target)}`),
      medium,
      ...(loss !== null && loss <= 100 ? { lossPercent: loss } : {}),
      bandwidthMbps: parsed ?? o.linkBandwidthMbps,
      latencyMs,
      a: endpoint.get(e.source)!,
      b: endpoint.get(e.target)!,
    });
  }
  plan.stats = {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    nodesWithCoordinates: graph.nodes.filter((n) => n.latitude !== null).length,
    selfLoopsSkipped: selfLoops,
    parallelEdges: parallel,
    bandwidthFromLabel,
    latencyFromGeo,
  };
  if (selfLoops) plan.notes.push(`${selfLoops} self-loop${selfLoops === 1 ? '' : 's'} skipped (a link cannot join a node to itself)`);
  if (parallel) plan.notes.push(`${parallel} parallel edge${parallel === 1 ? '' : 's'} kept as distinct links`);
  return plan;
}
