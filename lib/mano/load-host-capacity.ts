import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { formatCores, formatMiB } from '@/lib/format/format-units';

type Reader = Db | Prisma.TransactionClient;

export type Amount = { cpuCores: number; memoryMiB: number };

/** An edge server's cpu and memory and what is already taken from them. */
export type HostCapacity = {
  edgeServerId: string;
  name: string;
  total: Amount;
  vnfs: Amount;
  controllers: Amount;
  /** the applied placement's replicas on this edge server */
  replicas: Amount;
  free: Amount;
};

const add = (a: Amount, b: Amount): Amount => ({ cpuCores: a.cpuCores + b.cpuCores, memoryMiB: a.memoryMiB + b.memoryMiB });
const zero: Amount = { cpuCores: 0, memoryMiB: 0 };
// Fractional cores summed in floating point must not refuse an exact fit (0.1 + 0.2 > 0.3).
const EPSILON = 1e-9;

const hostSelect = {
  id: true,
  name: true,
  cpuCores: true,
  memoryMiB: true,
  vnfs: { select: { id: true, cpuCores: true, memoryMiB: true } },
  controllers: { select: { cpuCores: true, memoryMiB: true } },
} as const;

type HostRow = { id: string; name: string; cpuCores: number; memoryMiB: number; vnfs: (Amount & { id: string })[]; controllers: Amount[] };
type Placed = { edgeServerId: string; replica: number; service: Amount & { replicas: number } };

/** The applied placement's replicas on `edgeServerIds` (none when no placement is applied). */
async function loadPlacedReplicas(db: Reader, scenarioId: string, edgeServerIds: string[]): Promise<Placed[]> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { appliedRunId: true } });
  if (!scenario?.appliedRunId) return [];
  return db.assignment.findMany({
    where: { runId: scenario.appliedRunId, edgeServerId: { in: edgeServerIds } },
    select: { edgeServerId: true, replica: true, service: { select: { cpuCores: true, memoryMiB: true, replicas: true } } },
  });
}

function capacityOf(host: HostRow, placed: Placed[], excludeVnfId?: string): HostCapacity {
  const vnfs = host.vnfs.filter((v) => v.id !== excludeVnfId).reduce<Amount>(add, zero);
  const controllers = host.controllers.reduce<Amount>(add, zero);
  // A run applied before the service's replicas were lowered may still hold the dropped ones.
  const replicas = placed
    .filter((a) => a.edgeServerId === host.id && a.replica < a.service.replicas)
    .map((a) => a.service)
    .reduce<Amount>(add, zero);
  const total = { cpuCores: host.cpuCores, memoryMiB: host.memoryMiB };
  const used = add(add(vnfs, controllers), replicas);
  return {
    edgeServerId: host.id,
    name: host.name,
    total,
    vnfs,
    controllers,
    replicas,
    free: { cpuCores: total.cpuCores - used.cpuCores, memoryMiB: total.memoryMiB - used.memoryMiB },
  };
}

/**
 * What the edge server has left: its cpu and memory minus its VNFs (except `excludeVnfId`, the
 * one being scaled), its controllers and the replicas the scenario's applied placement put there.
 */
export async function loadHostCapacity(db: Reader, scenarioId: string, edgeServerId: string, options: { excludeVnfId?: string } = {}): Promise<HostCapacity | null> {
  const host = await db.edgeServer.findFirst({ where: { id: edgeServerId, scenarioId }, select: hostSelect });
  if (!host) return null;
  return capacityOf(host, await loadPlacedReplicas(db, scenarioId, [host.id]), options.excludeVnfId);
}

/** Every edge server of the scenario with what it has left, by name: the hosts a VNF may be started on. */
export async function listHostCapacities(db: Reader, scenarioId: string): Promise<HostCapacity[]> {
  const hosts = await db.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, select: hostSelect });
  const placed = await loadPlacedReplicas(
    db,
    scenarioId,
    hosts.map((h) => h.id),
  );
  return hosts.map((h) => capacityOf(h, placed));
}

/** null when `need` fits in what the host has free, else the sentence saying why not. */
export function explainCapacityShortfall(host: HostCapacity, need: Amount, what: string): string | null {
  const cpuShort = need.cpuCores > host.free.cpuCores + EPSILON;
  const memShort = need.memoryMiB > host.free.memoryMiB + EPSILON;
  if (!cpuShort && !memShort) return null;
  const free = (n: number, fmt: (v: number) => string) => fmt(Math.max(0, Math.round(n * 1000) / 1000));
  const lacking = [cpuShort ? 'cpu' : null, memShort ? 'memory' : null].filter(Boolean).join(' and ');
  return (
    `Edge server “${host.name}” lacks ${lacking} for ${what}: it needs ${formatCores(need.cpuCores)} and ${formatMiB(need.memoryMiB)}, ` +
    `and ${free(host.free.cpuCores, formatCores)} and ${free(host.free.memoryMiB, formatMiB)} are free ` +
    `(of ${formatCores(host.total.cpuCores)} and ${formatMiB(host.total.memoryMiB)}: VNFs use ${formatCores(host.vnfs.cpuCores)} and ${formatMiB(host.vnfs.memoryMiB)}, ` +
    `controllers ${formatCores(host.controllers.cpuCores)} and ${formatMiB(host.controllers.memoryMiB)}, placed replicas ${formatCores(host.replicas.cpuCores)} and ${formatMiB(host.replicas.memoryMiB)}). ` +
    `Choose another edge server or ask for less.`
  );
}
