import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

// A scenario's network as GraphML: network nodes and edge servers are nodes, links are edges.
// Node and edge attributes use the Topology Zoo names where there is one (label, Latitude,
// Longitude, LinkLabel), so other tools read it, plus the model's own values (kind, capacities,
// bandwidth, latency) so that importing the file back gives the same network.

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

type Key = { id: string; for: 'graph' | 'node' | 'edge'; name: string; type: 'string' | 'double' | 'int' | 'long' | 'boolean' };
const KEYS: Key[] = [
  { id: 'g0', for: 'graph', name: 'Network', type: 'string' },
  { id: 'g1', for: 'graph', name: 'Creator', type: 'string' },
  { id: 'n0', for: 'node', name: 'label', type: 'string' },
  { id: 'n1', for: 'node', name: 'Latitude', type: 'double' },
  { id: 'n2', for: 'node', name: 'Longitude', type: 'double' },
  { id: 'n3', for: 'node', name: 'kind', type: 'string' },
  { id: 'n4', for: 'node', name: 'site', type: 'string' },
  { id: 'n5', for: 'node', name: 'sdnManaged', type: 'boolean' },
  { id: 'n6', for: 'node', name: 'tier', type: 'string' },
  { id: 'n7', for: 'node', name: 'arch', type: 'string' },
  { id: 'n8', for: 'node', name: 'cpuCores', type: 'double' },
  { id: 'n9', for: 'node', name: 'memoryMiB', type: 'long' },
  { id: 'n10', for: 'node', name: 'storageBytes', type: 'long' },
  { id: 'n11', for: 'node', name: 'bandwidthMbps', type: 'long' },
  { id: 'n12', for: 'node', name: 'accelerators', type: 'string' },
  { id: 'e0', for: 'edge', name: 'name', type: 'string' },
  { id: 'e1', for: 'edge', name: 'LinkLabel', type: 'string' },
  { id: 'e2', for: 'edge', name: 'medium', type: 'string' },
  { id: 'e3', for: 'edge', name: 'bandwidthMbps', type: 'long' },
  { id: 'e4', for: 'edge', name: 'latencyMs', type: 'double' },
  { id: 'e5', for: 'edge', name: 'lossPercent', type: 'double' },
];
const keyId = (scope: Key['for'], name: string) => KEYS.find((k) => k.for === scope && k.name === name)!.id;

/** "10 Gbps", "155 Mbps": the speed as Topology Zoo labels write it. */
function bandwidthLabel(mbps: number): string {
  return mbps >= 1000 && mbps % 100 === 0 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`;
}

export async function exportTopologyGraphml(db: Db, scenarioId: string): Promise<string> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { name: true } });
  if (!scenario) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
  const [nodes, servers, links] = await Promise.all([
    db.networkNode.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, include: { site: { select: { name: true } } } }),
    db.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, include: { site: { select: { name: true, latitude: true, longitude: true } } } }),
    db.link.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } }),
  ]);
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const k of KEYS) out.push(`  <key attr.name="${k.name}" attr.type="${k.type}" for="${k.for}" id="${k.id}" />\n`);
  out.push('  <graph edgedefault="undirected">\n');
  out.push(`    <data key="${keyId('graph', 'Network')}">${escapeXml(scenario.name)}</data>\n`);
  out.push(`    <data key="${keyId('graph', 'Creator')}">edgestack</data>\n`);
  const data = (scope: Key['for'], name: string, value: string | number | boolean | null | undefined) =>
    value === null || value === undefined || value === '' ? '' : `      <data key="${keyId(scope, name)}">${escapeXml(String(value))}</data>\n`;
  const ids = new Map<string, string>();
  let n = 0;
  for (const node of nodes) {
    const id = `n${n++}`;
    ids.set(`node:${node.id}`, id);
    out.push(`    <node id="${id}">\n`);
    out.push(data('node', 'label', node.name), data('node', 'Latitude', node.latitude), data('node', 'Longitude', node.longitude));
    out.push(data('node', 'kind', node.kind), data('node', 'site', node.site?.name), data('node', 'sdnManaged', node.sdnManaged));
    out.push('    </node>\n');
  }
  for (const s of servers) {
    const id = `n${n++}`;
    ids.set(`server:${s.id}`, id);
    out.push(`    <node id="${id}">\n`);
    out.push(data('node', 'label', s.name), data('node', 'Latitude', s.site?.latitude), data('node', 'Longitude', s.site?.longitude));
    out.push(data('node', 'kind', 'edge_server'), data('node', 'site', s.site?.name), data('node', 'tier', s.tier), data('node', 'arch', s.arch));
    out.push(data('node', 'cpuCores', s.cpuCores), data('node', 'memoryMiB', s.memoryMiB), data('node', 'storageBytes', s.storageBytes.toString()));
    out.push(data('node', 'bandwidthMbps', s.bandwidthMbps), data('node', 'accelerators', s.accelerators.join(',')));
    out.push('    </node>\n');
  }
  for (const l of links) {
    const a = l.aNodeId ? ids.get(`node:${l.aNodeId}`) : ids.get(`server:${l.aEdgeServerId}`);
    const b = l.bNodeId ? ids.get(`node:${l.bNodeId}`) : ids.get(`server:${l.bEdgeServerId}`);
    out.push(`    <edge source="${a}" target="${b}">\n`);
    out.push(data('edge', 'name', l.name), data('edge', 'LinkLabel', bandwidthLabel(l.bandwidthMbps)), data('edge', 'medium', l.medium));
    out.push(data('edge', 'bandwidthMbps', l.bandwidthMbps), data('edge', 'latencyMs', l.latencyMs), data('edge', 'lossPercent', l.lossPercent));
    out.push('    </edge>\n');
  }
  out.push('  </graph>\n</graphml>\n');
  return out.join('');
}
