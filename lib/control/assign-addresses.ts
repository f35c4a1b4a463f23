import type { ControlInput } from './control-input-schema';
import { formatIpv4, parseIpv4Cidr } from './parse-ipv4-cidr';

export const replicaName = (service: string, replica: number) => `${service}-${replica}`;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Replica addresses: services in code-point order of their names, each service's replicas in
 * index order, take consecutive host addresses from the first one of the subnet. Every declared
 * replica gets one, placed or not, so placing or moving a replica never renumbers another.
 */
export function assignReplicaAddresses(input: ControlInput): Record<string, string> {
  const subnet = parseIpv4Cidr(input.addressing.subnet);
  if (!subnet.ok) throw new Error(subnet.message);
  const first = subnet.prefix >= 31 ? subnet.network : subnet.network + 1;
  const addresses: Record<string, string> = {};
  let next = 0;
  for (const service of [...input.services].sort((a, b) => byCodePoint(a.name, b.name))) {
    for (let r = 0; r < service.replicas; r++) addresses[replicaName(service.name, r)] = formatIpv4(first + next++);
  }
  return addresses;
}

/**
 * Link-end ports: on every node (edge server or network node), the links that end there, in
 * code-point order of their names, are ports 1, 2, 3, … (OpenFlow port 0 is reserved). A link
 * added or removed renumbers only the ports after it on its two ends.
 */
export function assignLinkPorts(input: ControlInput): Record<string, Record<string, number>> {
  const ends = new Map<string, string[]>();
  const add = (node: string, link: string) => {
    const list = ends.get(node);
    if (list) list.push(link);
    else ends.set(node, [link]);
  };
  for (const link of input.links) {
    add(link.a.name, link.name);
    add(link.b.name, link.name);
  }
  const ports: Record<string, Record<string, number>> = {};
  for (const node of [...ends.keys()].sort(byCodePoint)) {
    const numbered: Record<string, number> = {};
    ends
      .get(node)!
      .sort(byCodePoint)
      .forEach((link, i) => (numbered[link] = i + 1));
    ports[node] = numbered;
  }
  return ports;
}

/** Service ports: each service's declared TCP port, keyed by name in code-point order. */
export function collectServicePorts(input: ControlInput): Record<string, number> {
  const ports: Record<string, number> = {};
  for (const s of [...input.services].sort((a, b) => byCodePoint(a.name, b.name))) ports[s.name] = s.port;
  return ports;
}

/**
 * ONOS device id of a node: `of:` and the 64-bit FNV-1a hash of its name in 16 hex digits, so the
 * id stays the same whatever else changes in the scenario.
 */
export function deviceIdOf(node: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(node)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `of:${hash.toString(16).padStart(16, '0')}`;
}
