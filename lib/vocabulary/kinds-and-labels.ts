// The closed vocabularies of the model, with the labels people read. Database enum tokens are
// the keys; the UI never shows a raw token.

export const ARCHS = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64'] as const;

export const TIERS = { device: 'Device', edge: 'Edge', cloud: 'Cloud' } as const;
export type Tier = keyof typeof TIERS;

export const NETWORK_NODE_KINDS = {
  switch: 'Switch',
  router: 'Router',
  base_station: 'Base station',
  access_point: 'Access point',
  gateway: 'Gateway',
} as const;
export type NetworkNodeKind = keyof typeof NETWORK_NODE_KINDS;

export const LINK_MEDIA = {
  fiber: 'Fiber',
  ethernet: 'Ethernet',
  nr_5g: '5G NR',
  lte_4g: '4G LTE',
  wifi: 'Wi-Fi',
  microwave: 'Microwave',
  satellite: 'Satellite',
} as const;
export type LinkMedium = keyof typeof LINK_MEDIA;

export const VNF_KINDS = {
  firewall: 'Firewall',
  load_balancer: 'Load balancer',
  nat: 'NAT',
  ids: 'Intrusion detection',
  dpi: 'Deep packet inspection',
  vpn_gateway: 'VPN gateway',
  upf: '5G user-plane function',
} as const;
export type VnfKind = keyof typeof VNF_KINDS;

export const CONTROLLER_KINDS = {
  orchestrator: 'Container orchestrator',
  mesh: 'Service-mesh controller',
  sdn: 'SDN controller',
  mano: 'VNF orchestrator (MANO)',
} as const;
export type ControllerKind = keyof typeof CONTROLLER_KINDS;

/** Policy types as docs/placement-format.md spells them, with the database token beside. */
export const POLICY_TYPES = {
  affinity: { db: 'affinity', label: 'Affinity' },
  'anti-affinity': { db: 'anti_affinity', label: 'Anti-affinity' },
  pin: { db: 'pin', label: 'Pin to servers' },
  spread: { db: 'spread', label: 'Spread across sites' },
  'max-utilisation': { db: 'max_utilisation', label: 'Utilisation cap' },
} as const;
export type PolicyType = keyof typeof POLICY_TYPES;
export type PolicyTypeDb = (typeof POLICY_TYPES)[PolicyType]['db'];

export function policyTypeFromDb(token: PolicyTypeDb): PolicyType {
  return (Object.keys(POLICY_TYPES) as PolicyType[]).find((k) => POLICY_TYPES[k].db === token)!;
}

export const ACCELERATORS = ['gpu', 'fpga', 'npu', 'tpu'] as const;

export const FINISHED_RUN_STATUSES = ['optimal', 'feasible', 'infeasible', 'no_solution', 'timeout', 'cancelled', 'error'] as const;

/** The four layers of the paper's architecture, top (control) to bottom (physical). */
export const LAYERS = {
  control: 'Control',
  service: 'Service',
  network: 'Network',
  physical: 'Physical',
} as const;
export type LayerName = keyof typeof LAYERS;

/** The placement algorithms (docs/placement-format.md) as people call them. */
export const ALGORITHM_LABELS = {
  exact: 'Exact ILP',
  relax: 'Relaxation (the paper’s algorithm)',
  greedy: 'Greedy + local search',
  'kube-default': 'Kubernetes default scheduler',
  'no-sharing': 'No sharing (baseline)',
} as const;

export const RUN_STATUS_LABELS: Record<string, string> = {
  queued: 'queued',
  running: 'running',
  optimal: 'optimal',
  feasible: 'feasible',
  infeasible: 'infeasible',
  'no-solution': 'no solution found',
  timeout: 'timed out',
  cancelled: 'cancelled',
  error: 'error',
};
