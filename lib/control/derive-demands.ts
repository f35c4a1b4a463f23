import type { ControlInput } from './control-input-schema';
import { replicaName } from './assign-addresses';
import type { LatencyOracle } from './measure-latency';
import type { ControlWarning, Demand } from './types';

export type DerivedDemands = { demands: Demand[]; warnings: ControlWarning[] };

/**
 * One demand per placed caller replica of every dependency with traffic: the dependency's
 * Mbit/s split evenly over the caller's placed replicas, sent to the callee replica with the
 * lowest path latency from where the traffic enters the callee's side (the caller's edge server,
 * or the last VNF host of a chain); ties go to the lower replica index. A dependency whose caller
 * or callee has no placed replica makes no demand and is warned about.
 */
export function deriveDemands(input: ControlInput, addresses: Record<string, string>, latency: LatencyOracle): DerivedDemands {
  const warnings: ControlWarning[] = [];
  const placedBy = new Map<string, { replica: number; edgeServer: string }[]>();
  for (const p of input.placements) {
    const list = placedBy.get(p.service) ?? [];
    list.push({ replica: p.replica, edgeServer: p.edgeServer });
    placedBy.set(p.service, list);
  }
  for (const list of placedBy.values()) list.sort((a, b) => a.replica - b.replica);
  for (const s of input.services) {
    const placed = placedBy.get(s.name)?.length ?? 0;
    if (placed > 0 && placed < s.replicas)
      warnings.push({ code: 'replica-unplaced', message: `service "${s.name}": ${placed} of ${s.replicas} replicas are placed; only those send and receive traffic` });
  }
  const ports = new Map(input.services.map((s) => [s.name, s.port]));
  const vnfHost = new Map(input.vnfs.map((v) => [v.name, v.host]));

  const demands: Demand[] = [];
  for (const dep of input.dependencies) {
    if (dep.trafficMbps <= 0) continue;
    const callers = placedBy.get(dep.from) ?? [];
    const callees = placedBy.get(dep.to) ?? [];
    if (callers.length === 0 || callees.length === 0) {
      const missing = [callers.length === 0 ? dep.from : null, callees.length === 0 && dep.to !== dep.from ? dep.to : null].filter(Boolean);
      warnings.push({
        code: 'dependency-unplaced',
        message: `dependency "${dep.from}" → "${dep.to}" (${dep.trafficMbps} Mbit/s) is not routed: ${missing.map((s) => `"${s}"`).join(' and ')} ${missing.length > 1 ? 'have' : 'has'} no placed replica`,
      });
      continue;
    }
    const mbps = dep.trafficMbps / callers.length;
    const chainHosts = dep.chain.map((v) => vnfHost.get(v)!);
    for (const caller of callers) {
      const origin = chainHosts.length > 0 ? chainHosts[chainHosts.length - 1] : caller.edgeServer;
      let best = callees[0];
      let bestLatency = latency(origin, best.edgeServer);
      for (const callee of callees.slice(1)) {
        const l = latency(origin, callee.edgeServer);
        if (l < bestLatency) {
          best = callee;
          bestLatency = l;
        }
      }
      const from = replicaName(dep.from, caller.replica);
      const to = replicaName(dep.to, best.replica);
      demands.push({
        id: `${from}->${to}`,
        from,
        to,
        fromService: dep.from,
        toService: dep.to,
        fromReplica: caller.replica,
        toReplica: best.replica,
        fromEdgeServer: caller.edgeServer,
        toEdgeServer: best.edgeServer,
        mbps,
        chain: [...dep.chain],
        port: ports.get(dep.to)!,
        srcAddress: addresses[from],
        dstAddress: addresses[to],
      });
    }
  }
  return { demands, warnings };
}
