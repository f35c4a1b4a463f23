// A real large topology for the architecture benchmark: every Internet Topology Zoo network in
// the datasets (Kdl, Cogentco, UsCarrier, GtsCe, Ion, Interoute, Garr, Geant, AttMpls, Aarnet,
// Nsfnet, Abilene: 1,662 routers, 2,094 links, each with its latitude and longitude) joined into
// one scenario document of 5,000 nodes and 10,000 edges.
//
//   - every router becomes a network node, in a site per area (coordinates rounded to
//     three degrees) and a region per network; every Topology Zoo link becomes a link;
//   - consecutive networks are joined at their geographically nearest pair of routers;
//   - edge servers fill the scenario up to 5,000 nodes, round-robin over the routers, each on a
//     link to its router and a second link to one of that router's neighbours (dual-homed);
//   - one SDN controller per network, on one of its edge servers, manages its routers;
//   - the first edge servers get a third link, to another neighbour of their router, until the
//     edges reach 10,000.

import fs from 'node:fs';
import { datasetPath } from '../../lib/datasets/locate-datasets';
import { parseGraphml } from '../../lib/importers/topology/parse-graphml';

export const ZOO_FILES = ['Kdl', 'Cogentco', 'UsCarrier', 'GtsCe', 'Ion', 'Interoute', 'Garr201201', 'Geant2012', 'AttMpls', 'Aarnet', 'Nsfnet', 'Abilene'] as const;
export const ZOO_TARGET = { nodes: 5000, edges: 10000 } as const;

type End = { kind: 'networkNode' | 'edgeServer'; name: string };

function distance(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number {
  if (a.latitude === null || b.latitude === null || a.longitude === null || b.longitude === null) return Infinity;
  const dLat = a.latitude - b.latitude;
  const dLon = (a.longitude - b.longitude) * Math.cos(((a.latitude + b.latitude) / 2) * (Math.PI / 180));
  return dLat * dLat + dLon * dLon;
}

export function joinTopologyZoo(name: string) {
  const sites = new Map<string, { name: string; provider: string; region: string; latitude: number | null; longitude: number | null; n: number }>();
  const networkNodes: { name: string; site: string; kind: 'router'; sdnManaged: boolean; latitude: number | null; longitude: number | null }[] = [];
  const links: { name: string; medium: string; bandwidthMbps: number; latencyMs: number; a: End; b: End }[] = [];
  const neighbours = new Map<string, string[]>();
  const networks: { region: string; routers: typeof networkNodes }[] = [];
  const addLink = (a: End, b: End, bandwidthMbps: number, latencyMs: number) => {
    links.push({ name: `link-${links.length}`, medium: 'fiber', bandwidthMbps, latencyMs, a, b });
    if (a.kind === 'networkNode' && b.kind === 'networkNode') {
      (neighbours.get(a.name) ?? neighbours.set(a.name, []).get(a.name)!).push(b.name);
      (neighbours.get(b.name) ?? neighbours.set(b.name, []).get(b.name)!).push(a.name);
    }
  };
  for (const file of ZOO_FILES) {
    const graph = parseGraphml(fs.readFileSync(datasetPath('topologies', `${file}.graphml`), 'utf8'));
    const region = graph.name ?? file;
    const byId = new Map<string, string>();
    const routers: typeof networkNodes = [];
    graph.nodes.forEach((n, i) => {
      const metro = n.latitude === null || n.longitude === null ? 'unplaced' : `${Math.round(n.latitude / 3) * 3},${Math.round(n.longitude / 3) * 3}`;
      const siteName = `${region} ${metro}`;
      let site = sites.get(siteName);
      if (!site) sites.set(siteName, (site = { name: siteName, provider: region, region, latitude: null, longitude: null, n: 0 }));
      if (n.latitude !== null && n.longitude !== null) {
        // The site sits at the mean of its routers.
        site.latitude = ((site.latitude ?? 0) * site.n + n.latitude) / (site.n + 1);
        site.longitude = ((site.longitude ?? 0) * site.n + n.longitude) / (site.n + 1);
        site.n++;
      }
      const router = {
        name: `${file}-${i}-${(n.label || n.id).slice(0, 60)}`,
        site: siteName,
        kind: 'router' as const,
        sdnManaged: true,
        latitude: n.latitude,
        longitude: n.longitude,
      };
      byId.set(n.id, router.name);
      routers.push(router);
      networkNodes.push(router);
    });
    const seen = new Set<string>();
    for (const e of graph.edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      const key = [a, b].sort().join('|');
      if (!a || !b || a === b || seen.has(key)) continue;
      seen.add(key);
      addLink({ kind: 'networkNode', name: a }, { kind: 'networkNode', name: b }, 10_000, 2);
    }
    networks.push({ region, routers });
  }
  // Join each network to the next at their nearest routers.
  for (let i = 1; i < networks.length; i++) {
    let best: [string, string] = [networks[i - 1].routers[0].name, networks[i].routers[0].name];
    let bestD = Infinity;
    for (const a of networks[i - 1].routers)
      for (const b of networks[i].routers) {
        const d = distance(a, b);
        if (d < bestD) {
          bestD = d;
          best = [a.name, b.name];
        }
      }
    addLink({ kind: 'networkNode', name: best[0] }, { kind: 'networkNode', name: best[1] }, 100_000, 20);
  }
  const controllers: { name: string; kind: 'sdn'; host: string; manages: { edgeServers: string[]; networkNodes: string[]; services: string[]; vnfs: string[] } }[] = [];
  const serverCount = ZOO_TARGET.nodes - networkNodes.length - sites.size - networks.length;
  const edgeServers: { name: string; site: string; cpuCores: number; memoryMiB: number; storageBytes: number; bandwidthMbps: number }[] = [];
  for (let i = 0; i < serverCount; i++) {
    const router = networkNodes[i % networkNodes.length];
    const server = { name: `es-${i}`, site: router.site, cpuCores: 16, memoryMiB: 65536, storageBytes: 512 * 1024 ** 3, bandwidthMbps: 10_000 };
    edgeServers.push(server);
    addLink({ kind: 'networkNode', name: router.name }, { kind: 'edgeServer', name: server.name }, 10_000, 0.5);
    const near = neighbours.get(router.name) ?? [];
    if (near.length) addLink({ kind: 'networkNode', name: near[Math.floor(i / networkNodes.length) % near.length] }, { kind: 'edgeServer', name: server.name }, 10_000, 1);
  }
  // SDN controllers: hosting edges count too; managed routers make up the rest of the edges.
  let budget = ZOO_TARGET.edges - links.length - networks.length;
  const serverOfRouter = new Map<string, string>();
  edgeServers.forEach((s, i) => serverOfRouter.set(networkNodes[i % networkNodes.length].name, s.name));
  for (const net of networks) {
    const host = serverOfRouter.get(net.routers[0].name) ?? edgeServers[0].name;
    const managed = net.routers.slice(0, Math.max(0, Math.min(net.routers.length, budget))).map((r) => r.name);
    budget -= managed.length;
    controllers.push({ name: `onos-${net.region}`.slice(0, 120), kind: 'sdn', host, manages: { edgeServers: [], networkNodes: managed, services: [], vnfs: [] } });
  }
  for (let i = 0; budget > 0 && i < edgeServers.length; i++) {
    const router = networkNodes[i % networkNodes.length];
    const near = neighbours.get(router.name) ?? [];
    const used = near[Math.floor(i / networkNodes.length) % Math.max(1, near.length)];
    const other = near.find((n) => n !== used);
    if (!other) continue;
    addLink({ kind: 'networkNode', name: other }, { kind: 'edgeServer', name: edgeServers[i].name }, 1_000, 1.5);
    budget--;
  }
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name, description: `Topology Zoo ${ZOO_FILES.join(', ')} joined: ${networkNodes.length} routers, ${edgeServers.length} edge servers.` },
    sites: [...sites.values()].map(({ n: _n, ...s }) => s),
    edgeServers,
    networkNodes,
    links,
    controllers,
  };
}
