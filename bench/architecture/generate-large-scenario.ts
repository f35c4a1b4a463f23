// A scenario of exactly 1,000 nodes and 2,000 edges (times `scale`) for the architecture
// editor's benchmark and browser tests, as a scenario document (deterministic: the same seed
// gives the same document).
//   nodes: 20 sites, 380 edge servers, 250 network nodes, 50 VNFs, 260 services, 40 controllers
//   edges: 900 links, 90 hosting (VNFs and controllers), 500 manages, 510 dependencies
// Sites carry a latitude and longitude (around Melbourne) for the geographic layout.

export const LARGE = { sites: 20, edgeServers: 380, networkNodes: 250, vnfs: 50, services: 260, controllers: 40, links: 900, manages: 500, dependencies: 510 } as const;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLargeScenario(name: string, seed = 1, scale = 1) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const n = (k: keyof typeof LARGE) => LARGE[k] * scale;
  const sites = Array.from({ length: n('sites') }, (_, i) => ({
    name: `site-${i}`,
    provider: 'bench',
    region: `r${i % (5 * scale)}`,
    latitude: Math.round((-37.8 + (rnd() - 0.5) * 0.8) * 1e4) / 1e4,
    longitude: Math.round((144.96 + (rnd() - 0.5) * 1.2) * 1e4) / 1e4,
  }));
  const edgeServers = Array.from({ length: n('edgeServers') }, (_, i) => ({
    name: `es-${i}`,
    site: sites[i % sites.length].name,
    arch: i % 3 === 0 ? 'arm64' : 'amd64',
    cpuCores: 8 + (i % 4) * 8,
    memoryMiB: 16384 * (1 + (i % 4)),
    storageBytes: 256 * 1024 ** 3,
    bandwidthMbps: 10000,
    accelerators: i % 7 === 0 ? ['gpu'] : i % 11 === 0 ? ['fpga'] : [],
  }));
  const nodeKinds = ['switch', 'router', 'base_station', 'access_point', 'gateway'] as const;
  const networkNodes = Array.from({ length: n('networkNodes') }, (_, i) => ({
    name: `nn-${i}`,
    site: sites[i % sites.length].name,
    kind: nodeKinds[i % nodeKinds.length],
    sdnManaged: i % 2 === 0,
  }));
  const vnfKinds = ['firewall', 'load_balancer', 'nat', 'ids', 'upf'] as const;
  const vnfs = Array.from({ length: n('vnfs') }, (_, i) => ({ name: `vnf-${i}`, kind: vnfKinds[i % vnfKinds.length], host: edgeServers[(i * 7) % edgeServers.length].name }));
  const services = Array.from({ length: n('services') }, (_, i) => ({
    name: `svc-${i}`,
    imageRef: `bench/app-${i % 40}:1.0`,
    replicas: 1 + (i % 3),
    cpuCores: 0.5,
    memoryMiB: 512,
    bandwidthMbps: 10,
  }));
  const controllerKinds = ['orchestrator', 'mesh', 'sdn', 'mano'] as const;
  // Links: every server to a network node of its site, the rest network node to network node.
  const links: { name: string; medium: string; bandwidthMbps: number; latencyMs: number; a: { kind: string; name: string }; b: { kind: string; name: string } }[] = [];
  const seenLink = new Set<string>();
  const addLink = (a: { kind: string; name: string }, b: { kind: string; name: string }) => {
    const key = [a.name, b.name].sort().join('|');
    if (a.name === b.name || seenLink.has(key)) return false;
    seenLink.add(key);
    links.push({
      name: `link-${links.length}`,
      medium: pick(['fiber', 'ethernet', 'nr_5g', 'wifi'] as const),
      bandwidthMbps: pick([1000, 10000, 900]),
      latencyMs: Math.round(rnd() * 100) / 10,
      a,
      b,
    });
    return true;
  };
  edgeServers.forEach((s, i) => addLink({ kind: 'networkNode', name: networkNodes[(i * 3) % networkNodes.length].name }, { kind: 'edgeServer', name: s.name }));
  while (links.length < n('links')) addLink({ kind: 'networkNode', name: pick(networkNodes).name }, { kind: 'networkNode', name: pick(networkNodes).name });
  // Dependencies: a random DAG over services.
  const dependencies: { from: string; to: string; trafficMbps: number }[] = [];
  const seenDep = new Set<string>();
  while (dependencies.length < n('dependencies')) {
    const a = Math.floor(rnd() * services.length);
    const b = Math.floor(rnd() * services.length);
    if (a >= b || seenDep.has(`${a}>${b}`)) continue;
    seenDep.add(`${a}>${b}`);
    dependencies.push({ from: services[a].name, to: services[b].name, trafficMbps: Math.round(rnd() * 100) });
  }
  // Manages: 500 relations spread over the 40 controllers, over what their kind manages.
  const controllers = Array.from({ length: n('controllers') }, (_, i) => ({
    name: `ctl-${i}`,
    kind: controllerKinds[i % controllerKinds.length],
    host: edgeServers[(i * 11 + 3) % edgeServers.length].name,
    manages: { edgeServers: [] as string[], networkNodes: [] as string[], services: [] as string[], vnfs: [] as string[] },
  }));
  const targets = { orchestrator: ['edgeServers', edgeServers], mesh: ['services', services], sdn: ['networkNodes', networkNodes], mano: ['vnfs', vnfs] } as const;
  let manages = 0;
  for (let round = 0; manages < n('manages'); round++) {
    const c = controllers[round % controllers.length];
    const [field, pool] = targets[c.kind];
    const target = pool[Math.floor(round / controllers.length) % pool.length].name;
    if (c.manages[field].includes(target)) continue;
    c.manages[field].push(target);
    manages++;
  }
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name, description: `Benchmark: ${1000 * scale} nodes, ${links.length + vnfs.length + controllers.length + manages + dependencies.length} edges.` },
    sites,
    edgeServers,
    networkNodes,
    links,
    vnfs,
    services,
    dependencies,
    controllers,
  };
}
