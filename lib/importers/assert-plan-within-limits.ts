import { MAX_BANDWIDTH_MBPS, MAX_BYTES, MAX_CPU_CORES, MAX_ENTITIES_PER_KIND, MAX_LATENCY_MS, MAX_LAYERS, MAX_MEMORY_MIB, MAX_REPLICAS } from '@/lib/limits/size-limits';
import { importError } from './import-input';
import type { ImportPlan } from './import-plan';

/**
 * Every number an importer read, against the limits every other way in uses (lib/limits/size-limits.ts):
 * a file with `replicas: 2000000000` or a 2^31 MiB node is refused here, naming the entity,
 * instead of overflowing a column half way through the write.
 */
export function assertPlanWithinLimits(plan: ImportPlan): void {
  const check = (what: string, field: string, value: number | bigint, max: number) => {
    if (typeof value === 'bigint' ? value > BigInt(max) : !(value <= max)) throw importError(what, `${field} ${String(value)} is too large: at most ${max}`);
  };
  const count = (section: string, list: unknown[], max = MAX_ENTITIES_PER_KIND) => {
    if (list.length > max) throw importError(null, `${list.length} ${section}: an import brings at most ${max}`);
  };
  count('sites', plan.sites);
  count('edge servers', plan.edgeServers);
  count('network nodes', plan.networkNodes);
  count('links', plan.links);
  count('layers', plan.layers, MAX_LAYERS);
  count('images', plan.images);
  count('services', plan.services);
  for (const s of plan.edgeServers) {
    const what = `edge server "${s.name}"`;
    check(what, 'cpu cores', s.cpuCores, MAX_CPU_CORES);
    check(what, 'memory (MiB)', s.memoryMiB, MAX_MEMORY_MIB);
    check(what, 'storage (bytes)', s.storageBytes, MAX_BYTES);
    check(what, 'bandwidth (Mbit/s)', s.bandwidthMbps, MAX_BANDWIDTH_MBPS);
  }
  for (const l of plan.links) {
    const what = `link "${l.name}"`;
    check(what, 'bandwidth (Mbit/s)', l.bandwidthMbps, MAX_BANDWIDTH_MBPS);
    check(what, 'latency (ms)', l.latencyMs, MAX_LATENCY_MS);
  }
  for (const l of plan.layers) check(`layer ${l.digest}`, 'size (bytes)', l.sizeBytes, MAX_BYTES);
  for (const s of plan.services) {
    const what = `service "${s.name}"`;
    check(what, 'replicas', s.replicas, MAX_REPLICAS);
    check(what, 'cpu cores', s.cpuCores, MAX_CPU_CORES);
    check(what, 'memory (MiB)', s.memoryMiB, MAX_MEMORY_MIB);
  }
}
