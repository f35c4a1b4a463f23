import { createHash } from 'node:crypto';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

// A metro edge written for edgestack's demo: five sites plus a regional cloud, heterogeneous
// servers, an SDN-managed transport network with 5G and Wi-Fi access, four controllers, and a
// retail/video-analytics microservice application whose images share bases the way real
// images do. Digests are derived from layer names (this is not registry data); sizes follow
// the compressed sizes of comparable public images.

export const DEMO_SCENARIO_NAME = 'Metro edge (demo)';

const MB = 1_000_000;
const GB = 1_000_000_000;
const digestOf = (label: string) => `sha256:${createHash('sha256').update(`edgestack-demo/${label}`).digest('hex')}`;

type LayerSpec = [label: string, bytes: number];

// Layer stacks, base first. Shared prefixes are what layer-sharing placement exploits.
const stacks = {
  bookwormSlim: [['debian-bookworm-slim-rootfs', 28.2 * MB]],
  alpine: [['alpine-3.20-rootfs', 3.6 * MB]],
  alpineArm64: [['alpine-3.20-rootfs-arm64', 3.4 * MB]],
  ubuntu: [['ubuntu-24.04-rootfs', 29.7 * MB]],
  bookwormSlimArm64: [['debian-bookworm-slim-rootfs-arm64', 28.9 * MB]],
} satisfies Record<string, LayerSpec[]>;

const python312: LayerSpec[] = [...stacks.bookwormSlim, ['python-3.12-deps', 3.5 * MB], ['python-3.12-runtime', 12.4 * MB], ['python-3.12-pip', 2.9 * MB]];
const node20: LayerSpec[] = [...stacks.bookwormSlim, ['node-20-runtime', 41.8 * MB], ['node-20-yarn', 1.3 * MB]];
const temurin21: LayerSpec[] = [...stacks.ubuntu, ['temurin-21-deps', 17.1 * MB], ['temurin-21-jre', 52.6 * MB]];
const goAlpine: LayerSpec[] = [...stacks.alpine, ['alpine-ca-certificates', 0.2 * MB]];
const nginx: LayerSpec[] = [...stacks.bookwormSlim, ['nginx-1.27-packages', 41.3 * MB], ['nginx-1.27-config', 0.01 * MB]];
const cudaPython: LayerSpec[] = [...python312, ['cuda-12.4-runtime', 1210 * MB], ['cudnn-9', 655 * MB]];

type ImageSpec = { repository: string; tag: string; arch?: 'amd64' | 'arm64'; layers: LayerSpec[] };

const images: ImageSpec[] = [
  { repository: 'library/nginx', tag: '1.27', layers: nginx },
  { repository: 'library/nginx', tag: '1.27', arch: 'arm64', layers: [...stacks.bookwormSlimArm64, ['nginx-1.27-packages-arm64', 39.6 * MB], ['nginx-1.27-config', 0.01 * MB]] },
  { repository: 'library/redis', tag: '7.4', layers: [...stacks.bookwormSlim, ['redis-7.4-gosu', 1.2 * MB], ['redis-7.4-server', 15.8 * MB]] },
  { repository: 'library/redis', tag: '7.4', arch: 'arm64', layers: [...stacks.bookwormSlimArm64, ['redis-7.4-gosu-arm64', 1.1 * MB], ['redis-7.4-server-arm64', 14.9 * MB]] },
  {
    repository: 'library/postgres',
    tag: '16',
    layers: [...stacks.bookwormSlim, ['postgres-16-locales', 8.1 * MB], ['postgres-16-server', 96.4 * MB], ['postgres-16-entrypoint', 0.02 * MB]],
  },
  { repository: 'library/python', tag: '3.12-slim', layers: python312 },
  { repository: 'library/node', tag: '20-slim', layers: node20 },
  { repository: 'library/eclipse-temurin', tag: '21-jre', layers: temurin21 },
  { repository: 'metro/frontend', tag: '2.3.0', layers: [...node20, ['frontend-node-modules', 62.5 * MB], ['frontend-build', 8.7 * MB]] },
  { repository: 'metro/api-gateway', tag: '1.8.2', layers: [...nginx, ['api-gateway-lua-modules', 4.2 * MB], ['api-gateway-routes', 0.05 * MB]] },
  { repository: 'metro/catalog', tag: '1.4.1', layers: [...python312, ['catalog-wheels', 48.3 * MB], ['catalog-app', 1.9 * MB]] },
  { repository: 'metro/recommender', tag: '3.1.0', layers: [...cudaPython, ['torch-2.4-cuda', 812 * MB], ['recommender-model', 230 * MB]] },
  { repository: 'metro/video-analytics', tag: '2.0.4', layers: [...cudaPython, ['opencv-4.10-cuda', 145 * MB], ['yolo-weights', 98 * MB], ['video-analytics-app', 3.1 * MB]] },
  { repository: 'metro/orders', tag: '1.9.0', layers: [...temurin21, ['orders-dependencies', 71.2 * MB], ['orders-app', 2.4 * MB]] },
  { repository: 'metro/payments', tag: '1.2.3', layers: [...temurin21, ['payments-dependencies', 66.8 * MB], ['payments-app', 1.7 * MB]] },
  { repository: 'metro/inventory', tag: '0.9.5', layers: [...goAlpine, ['inventory-binary', 14.6 * MB]] },
  { repository: 'metro/auth', tag: '2.2.0', layers: [...goAlpine, ['auth-binary', 11.2 * MB]] },
  { repository: 'metro/notifier', tag: '1.1.0', layers: [...node20, ['notifier-node-modules', 23.4 * MB], ['notifier-app', 0.6 * MB]] },
  { repository: 'metro/telemetry-collector', tag: '0.8.1', layers: [...goAlpine, ['telemetry-collector-binary', 21.3 * MB]] },
  {
    repository: 'metro/telemetry-collector',
    tag: '0.8.1',
    arch: 'arm64',
    layers: [...stacks.alpineArm64, ['alpine-ca-certificates', 0.2 * MB], ['telemetry-collector-binary-arm64', 19.8 * MB]],
  },
];

const round = (bytes: number) => Math.round(bytes);
const allLayers = new Map<string, number>();
for (const image of images) for (const [label, bytes] of image.layers) allLayers.set(digestOf(label), round(bytes));

type ServerSpec = [
  name: string,
  site: string,
  tier: 'device' | 'edge' | 'cloud',
  arch: 'amd64' | 'arm64',
  cpu: number,
  memGiB: number,
  storageGB: number,
  bwMbps: number,
  accelerators: string[],
];
const servers: ServerSpec[] = [
  ['co-k8s-master', 'Central Office', 'edge', 'amd64', 16, 64, 480, 10_000, []],
  ['co-compute-1', 'Central Office', 'edge', 'amd64', 32, 128, 960, 10_000, []],
  ['co-compute-2', 'Central Office', 'edge', 'amd64', 32, 128, 960, 10_000, []],
  ['co-gpu-1', 'Central Office', 'edge', 'amd64', 24, 192, 1920, 25_000, ['gpu']],
  ['harbour-mec-1', 'Harbour MEC', 'edge', 'amd64', 16, 64, 480, 10_000, []],
  ['harbour-mec-2', 'Harbour MEC', 'edge', 'arm64', 64, 128, 960, 10_000, []],
  ['harbour-fpga-1', 'Harbour MEC', 'edge', 'amd64', 16, 64, 480, 25_000, ['fpga']],
  ['campus-edge-1', 'University Campus', 'edge', 'amd64', 12, 48, 480, 10_000, ['gpu']],
  ['campus-edge-2', 'University Campus', 'edge', 'arm64', 32, 64, 480, 10_000, []],
  ['industrial-gw-1', 'Industrial Park', 'device', 'arm64', 8, 16, 128, 1_000, []],
  ['industrial-jetson-1', 'Industrial Park', 'device', 'arm64', 12, 32, 256, 1_000, ['gpu']],
  ['airport-edge-1', 'Airport', 'edge', 'amd64', 16, 64, 480, 10_000, []],
  ['airport-edge-2', 'Airport', 'edge', 'arm64', 32, 64, 480, 10_000, []],
  ['cloud-region-1', 'Regional Cloud', 'cloud', 'amd64', 96, 384, 3840, 40_000, ['gpu']],
  ['cloud-region-2', 'Regional Cloud', 'cloud', 'amd64', 96, 384, 3840, 40_000, []],
];

const cached: Record<string, string[]> = {
  'co-compute-1': ['debian-bookworm-slim-rootfs', 'ubuntu-24.04-rootfs'],
  'co-compute-2': ['debian-bookworm-slim-rootfs'],
  'harbour-mec-2': ['debian-bookworm-slim-rootfs-arm64', 'alpine-3.20-rootfs-arm64'],
  'campus-edge-1': ['debian-bookworm-slim-rootfs', 'python-3.12-deps', 'python-3.12-runtime', 'python-3.12-pip'],
  'cloud-region-1': ['debian-bookworm-slim-rootfs', 'cuda-12.4-runtime'],
};

type ServiceSpec = [
  name: string,
  image: string,
  replicas: number,
  cpu: number,
  memMiB: number,
  bwMbps: number,
  port: number,
  extra?: { arch?: 'arm64' | 'amd64'; accelerator?: string },
];
// Ports are the ones these kinds of software listen on by default.
const services: ServiceSpec[] = [
  ['frontend', 'metro/frontend:2.3.0', 3, 0.5, 512, 200, 3000],
  ['api-gateway', 'metro/api-gateway:1.8.2', 2, 1, 256, 400, 8080],
  ['auth', 'metro/auth:2.2.0', 2, 0.25, 128, 50, 9000],
  ['catalog', 'metro/catalog:1.4.1', 2, 0.5, 768, 100, 8000],
  ['cache', 'library/redis:7.4', 2, 0.5, 1024, 150, 6379],
  ['recommender', 'metro/recommender:3.1.0', 1, 4, 8192, 100, 8501, { accelerator: 'gpu' }],
  ['video-analytics', 'metro/video-analytics:2.0.4', 2, 4, 6144, 600, 8554, { accelerator: 'gpu' }],
  ['orders', 'metro/orders:1.9.0', 2, 1, 1536, 80, 8080],
  ['payments', 'metro/payments:1.2.3', 2, 1, 1536, 40, 8443],
  ['inventory', 'metro/inventory:0.9.5', 2, 0.5, 256, 60, 9090],
  ['orders-db', 'library/postgres:16', 1, 2, 4096, 200, 5432],
  ['notifier', 'metro/notifier:1.1.0', 1, 0.25, 256, 20, 3000],
  ['telemetry-collector', 'metro/telemetry-collector:0.8.1', 3, 0.25, 128, 100, 4317, { arch: 'arm64' }],
];

const sites = [
  { name: 'Central Office', provider: 'Metro Telecom', region: 'CBD', latitude: -37.8136, longitude: 144.9631 },
  { name: 'Harbour MEC', provider: 'Metro Telecom', region: 'Docklands', latitude: -37.8183, longitude: 144.9463 },
  { name: 'University Campus', provider: 'Campus IT', region: 'Parkville', latitude: -37.7963, longitude: 144.9614 },
  { name: 'Industrial Park', provider: 'Port Logistics', region: 'West Melbourne', latitude: -37.8076, longitude: 144.9243 },
  { name: 'Airport', provider: 'Airport Ops', region: 'Tullamarine', latitude: -37.669, longitude: 144.841 },
  { name: 'Regional Cloud', provider: 'Public Cloud', region: 'region-1', latitude: -37.8409, longitude: 144.9464 },
];

type NodeSpec = [name: string, site: string | null, kind: 'switch' | 'router' | 'base_station' | 'access_point' | 'gateway', sdn: boolean];
const nodes: NodeSpec[] = [
  ['core-router', 'Central Office', 'router', true],
  ['internet-gw', 'Central Office', 'gateway', false],
  ['co-tor', 'Central Office', 'switch', true],
  ['harbour-tor', 'Harbour MEC', 'switch', true],
  ['campus-switch', 'University Campus', 'switch', true],
  ['industrial-switch', 'Industrial Park', 'switch', true],
  ['airport-switch', 'Airport', 'switch', true],
  ['cloud-spine', 'Regional Cloud', 'switch', false],
  ['gnb-harbour', 'Harbour MEC', 'base_station', false],
  ['gnb-industrial', 'Industrial Park', 'base_station', false],
  ['gnb-airport', 'Airport', 'base_station', false],
  ['campus-wifi-ap', 'University Campus', 'access_point', false],
];

type Medium = 'fiber' | 'ethernet' | 'nr_5g' | 'lte_4g' | 'wifi' | 'microwave';
type LinkSpec = [a: string, b: string, medium: Medium, bwMbps: number, latencyMs: number, loss?: number];
const links: LinkSpec[] = [
  ['core-router', 'internet-gw', 'fiber', 100_000, 0.1],
  ['core-router', 'co-tor', 'fiber', 100_000, 0.05],
  ['core-router', 'harbour-tor', 'fiber', 40_000, 0.4],
  ['core-router', 'campus-switch', 'fiber', 40_000, 0.6],
  ['core-router', 'industrial-switch', 'fiber', 10_000, 0.8],
  ['core-router', 'airport-switch', 'fiber', 10_000, 2.1],
  ['core-router', 'cloud-spine', 'fiber', 100_000, 1.2],
  ['harbour-tor', 'industrial-switch', 'microwave', 2_000, 0.9, 0.01],
  ['co-tor', 'co-k8s-master', 'ethernet', 10_000, 0.02],
  ['co-tor', 'co-compute-1', 'ethernet', 25_000, 0.02],
  ['co-tor', 'co-compute-2', 'ethernet', 25_000, 0.02],
  ['co-tor', 'co-gpu-1', 'ethernet', 25_000, 0.02],
  ['harbour-tor', 'harbour-mec-1', 'ethernet', 10_000, 0.02],
  ['harbour-tor', 'harbour-mec-2', 'ethernet', 10_000, 0.02],
  ['harbour-tor', 'harbour-fpga-1', 'ethernet', 25_000, 0.02],
  ['harbour-tor', 'gnb-harbour', 'fiber', 10_000, 0.1],
  ['campus-switch', 'campus-edge-1', 'ethernet', 10_000, 0.03],
  ['campus-switch', 'campus-edge-2', 'ethernet', 10_000, 0.03],
  ['campus-switch', 'campus-wifi-ap', 'ethernet', 1_000, 0.05],
  ['industrial-switch', 'gnb-industrial', 'fiber', 10_000, 0.1],
  ['gnb-industrial', 'industrial-gw-1', 'nr_5g', 900, 4, 0.1],
  ['gnb-industrial', 'industrial-jetson-1', 'nr_5g', 900, 4, 0.1],
  ['industrial-switch', 'industrial-gw-1', 'ethernet', 1_000, 0.05],
  ['airport-switch', 'airport-edge-1', 'ethernet', 10_000, 0.02],
  ['airport-switch', 'airport-edge-2', 'ethernet', 10_000, 0.02],
  ['airport-switch', 'gnb-airport', 'fiber', 10_000, 0.1],
  ['cloud-spine', 'cloud-region-1', 'ethernet', 40_000, 0.02],
  ['cloud-spine', 'cloud-region-2', 'ethernet', 40_000, 0.02],
  ['campus-wifi-ap', 'campus-edge-2', 'wifi', 600, 3, 0.5],
  ['gnb-airport', 'airport-edge-2', 'lte_4g', 150, 25, 0.3],
];

const dependencies: [string, string, number][] = [
  ['frontend', 'api-gateway', 180],
  ['api-gateway', 'auth', 30],
  ['api-gateway', 'catalog', 90],
  ['api-gateway', 'orders', 60],
  ['api-gateway', 'recommender', 40],
  ['catalog', 'cache', 120],
  ['recommender', 'catalog', 25],
  ['orders', 'payments', 20],
  ['orders', 'inventory', 35],
  ['orders', 'orders-db', 80],
  ['orders', 'notifier', 5],
  ['video-analytics', 'telemetry-collector', 15],
];

// Customer traffic enters through the firewall, the IDS and the ingress load balancer; card
// payments are inspected by the IDS on their way (service function chains).
const chains: Record<string, string[]> = {
  'frontend → api-gateway': ['edge-firewall', 'edge-ids', 'ingress-lb'],
  'orders → payments': ['edge-ids'],
};

const serverNames = servers.map((s) => s[0]);
const nodeNames = new Set(nodes.map((n) => n[0]));
const endpoint = (name: string) => ({ kind: nodeNames.has(name) ? ('networkNode' as const) : ('edgeServer' as const), name });

export function buildDemoScenarioDocument(): ScenarioDocumentInput {
  const imageKey = (ref: string, arch: 'amd64' | 'arm64') => {
    const at = ref.lastIndexOf(':');
    return { repository: ref.slice(0, at), tag: ref.slice(at + 1), arch };
  };
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: {
      name: DEMO_SCENARIO_NAME,
      description:
        'A metro edge: five sites and a regional cloud, x86 and ARM servers with GPUs and an FPGA, an SDN-managed fiber ring with 5G and Wi-Fi access, and a retail plus video-analytics application of 13 microservices.',
    },
    sites: sites.map((s) => ({ ...s })),
    edgeServers: servers.map(([name, site, tier, arch, cpu, memGiB, storageGB, bw, accelerators]) => ({
      name,
      site,
      tier,
      arch,
      cpuCores: cpu,
      memoryMiB: memGiB * 1024,
      storageBytes: storageGB * GB,
      bandwidthMbps: bw,
      accelerators,
      cachedLayers: (cached[name] ?? []).map(digestOf),
    })),
    networkNodes: nodes.map(([name, site, kind, sdnManaged]) => ({ name, site, kind, sdnManaged })),
    links: links.map(([a, b, medium, bandwidthMbps, latencyMs, lossPercent]) => ({
      name: `${a} ↔ ${b}`,
      medium,
      bandwidthMbps,
      latencyMs,
      lossPercent: lossPercent ?? 0,
      a: endpoint(a),
      b: endpoint(b),
    })),
    vnfs: [
      { name: 'edge-firewall', kind: 'firewall', host: 'co-compute-1', cpuCores: 2, memoryMiB: 4096, next: 'edge-ids' },
      { name: 'edge-ids', kind: 'ids', host: 'co-compute-2', cpuCores: 4, memoryMiB: 8192, next: 'ingress-lb' },
      { name: 'ingress-lb', kind: 'load_balancer', host: 'co-compute-1', cpuCores: 2, memoryMiB: 2048, next: null },
      { name: 'harbour-upf', kind: 'upf', host: 'harbour-fpga-1', cpuCores: 4, memoryMiB: 8192, next: null },
      { name: 'industrial-upf', kind: 'upf', host: 'industrial-gw-1', cpuCores: 2, memoryMiB: 2048, next: null },
      { name: 'cgnat', kind: 'nat', host: 'cloud-region-2', cpuCores: 2, memoryMiB: 4096, next: null },
    ],
    // On the core router: every edge server pulls from the metro core (network-aware placement).
    registries: [{ name: 'harbor-metro', url: 'https://harbor.metro.example', site: 'Central Office', attachedTo: { kind: 'networkNode', name: 'core-router' } }],
    layers: [...allLayers].map(([digest, sizeBytes]) => ({ digest, sizeBytes })),
    images: images.map((img) => ({
      repository: img.repository,
      tag: img.tag,
      arch: img.arch ?? 'amd64',
      registry: 'harbor-metro',
      layers: img.layers.map(([label]) => digestOf(label)),
    })),
    services: services.map(([name, ref, replicas, cpuCores, memoryMiB, bandwidthMbps, port, extra]) => ({
      name,
      imageRef: ref,
      image: imageKey(ref, extra?.arch ?? 'amd64'),
      replicas,
      cpuCores,
      memoryMiB,
      bandwidthMbps,
      port,
      arch: extra?.arch ?? null,
      accelerator: extra?.accelerator ?? null,
    })),
    dependencies: dependencies.map(([from, to, trafficMbps]) => ({ from, to, trafficMbps, chain: chains[`${from} → ${to}`] ?? [] })),
    controllers: [
      {
        name: 'k8s-control-plane',
        kind: 'orchestrator',
        product: 'Kubernetes 1.33 (KubeEdge 1.21 for device nodes)',
        host: 'co-k8s-master',
        cpuCores: 4,
        memoryMiB: 8192,
        manages: { edgeServers: serverNames.filter((n) => n !== 'co-k8s-master'), services: services.map((s) => s[0]) },
      },
      {
        name: 'istiod',
        kind: 'mesh',
        product: 'Istio 1.27',
        host: 'co-k8s-master',
        cpuCores: 2,
        memoryMiB: 4096,
        manages: { services: services.map((s) => s[0]).filter((n) => n !== 'orders-db') },
      },
      {
        name: 'onos',
        kind: 'sdn',
        product: 'ONOS 2.7 (P4Runtime)',
        host: 'co-compute-2',
        cpuCores: 4,
        memoryMiB: 8192,
        manages: { networkNodes: nodes.filter((n) => n[3]).map((n) => n[0]) },
      },
      {
        name: 'osm-mano',
        kind: 'mano',
        product: 'OSM Release 16',
        host: 'cloud-region-2',
        cpuCores: 4,
        memoryMiB: 8192,
        manages: { vnfs: ['edge-firewall', 'edge-ids', 'ingress-lb', 'harbour-upf', 'industrial-upf', 'cgnat'] },
      },
    ],
    policies: [
      { name: 'frontend replicas apart', type: 'anti-affinity', services: ['frontend'] },
      { name: 'gateways across sites', type: 'spread', services: ['api-gateway'] },
      { name: 'orders database in the central office', type: 'pin', services: ['orders-db'], edgeServers: ['co-compute-1', 'co-compute-2'] },
      { name: 'headroom on edge servers', type: 'max-utilisation', fraction: 0.85, services: [], edgeServers: serverNames.filter((n) => !n.startsWith('cloud-')) },
    ],
  };
}
