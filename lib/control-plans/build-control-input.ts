import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { CONTROL_INPUT_FORMAT, parseControlInput, type ControlInput, type ControlInputDraft, type ControlInputError } from '@/lib/control/control-input-schema';

type Reader = Db | Prisma.TransactionClient;

export type BuiltControlInput =
  | { ok: true; input: ControlInput; placementRunId: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'no-applied-placement' }
  | { ok: false; reason: 'no-connected-edge-server' }
  | { ok: false; reason: 'invalid'; errors: ControlInputError[] };

/**
 * The scenario and its applied placement as a ControlInput (lib/control). Sites give the mesh
 * its locality: the site's region is the region and the site itself the zone. Replicas the
 * applied run did not place (a service added or scaled up since) are simply absent from
 * `placements`; the engine then reports the dependencies it could not turn into demands.
 * Without an applied placement there are no replicas to route between, so nothing is built.
 */
export async function buildControlInput(db: Reader, scenarioId: string): Promise<BuiltControlInput> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { name: true, appliedRunId: true } });
  if (!scenario) return { ok: false, reason: 'not-found' };
  if (!scenario.appliedRunId) return { ok: false, reason: 'no-applied-placement' };
  const where = { scenarioId };
  const [sites, servers, nodes, links, services, assignments, dependencies, vnfs, controllers] = await Promise.all([
    db.site.findMany({ where, orderBy: { name: 'asc' } }),
    db.edgeServer.findMany({ where, orderBy: { name: 'asc' }, include: { site: { select: { name: true } } } }),
    db.networkNode.findMany({ where, orderBy: { name: 'asc' }, include: { site: { select: { name: true } } } }),
    db.link.findMany({
      where,
      orderBy: { name: 'asc' },
      include: { aEdgeServer: { select: { name: true } }, aNode: { select: { name: true } }, bEdgeServer: { select: { name: true } }, bNode: { select: { name: true } } },
    }),
    db.service.findMany({ where, orderBy: { name: 'asc' }, select: { id: true, name: true, port: true, replicas: true } }),
    db.assignment.findMany({
      where: { runId: scenario.appliedRunId },
      orderBy: [{ serviceId: 'asc' }, { replica: 'asc' }],
      include: { service: { select: { name: true, replicas: true } }, edgeServer: { select: { name: true } } },
    }),
    db.serviceDependency.findMany({
      where: { fromService: { scenarioId } },
      include: {
        fromService: { select: { name: true } },
        toService: { select: { name: true } },
        chain: { orderBy: { position: 'asc' }, include: { vnf: { select: { name: true } } } },
      },
    }),
    db.vnf.findMany({ where, orderBy: { name: 'asc' }, include: { hostServer: { select: { name: true } } } }),
    db.controller.findMany({
      where,
      orderBy: { name: 'asc' },
      include: {
        hostServer: { select: { name: true } },
        managedEdgeServers: { include: { edgeServer: { select: { name: true } } } },
        managedNodes: { include: { networkNode: { select: { name: true } } } },
        managedServices: { include: { service: { select: { name: true } } } },
        managedVnfs: { include: { vnf: { select: { name: true } } } },
      },
    }),
  ]);

  // An edge server with no link cannot reach anything: if none has one there is no network.
  const linked = new Set(links.flatMap((l) => [l.aEdgeServer?.name, l.bEdgeServer?.name]).filter((n): n is string => !!n));
  if (!servers.some((s) => linked.has(s.name))) return { ok: false, reason: 'no-connected-edge-server' };

  const end = (server: { name: string } | null, node: { name: string } | null) =>
    server ? { kind: 'edgeServer' as const, name: server.name } : { kind: 'networkNode' as const, name: node!.name };
  const sorted = (list: string[]) => [...list].sort();
  const draft: ControlInputDraft = {
    format: CONTROL_INPUT_FORMAT,
    version: 1,
    source: { scenario: scenario.name, placementRunId: scenario.appliedRunId },
    sites: sites.map((s) => ({ name: s.name, region: s.region, zone: s.name })),
    edgeServers: servers.map((s) => ({ name: s.name, site: s.site?.name ?? null })),
    networkNodes: nodes.map((n) => ({ name: n.name, kind: n.kind, sdnManaged: n.sdnManaged, site: n.site?.name ?? null })),
    links: links.map((l) => ({
      name: l.name,
      a: end(l.aEdgeServer, l.aNode),
      b: end(l.bEdgeServer, l.bNode),
      bandwidthMbps: l.bandwidthMbps,
      latencyMs: l.latencyMs,
      lossPct: l.lossPercent,
    })),
    services: services.map((s) => ({ name: s.name, port: s.port, replicas: s.replicas })),
    // A run made before a service was scaled down may place replicas that no longer exist.
    placements: assignments.filter((a) => a.replica < a.service.replicas).map((a) => ({ service: a.service.name, replica: a.replica, edgeServer: a.edgeServer.name })),
    dependencies: dependencies
      .map((d) => ({ from: d.fromService.name, to: d.toService.name, trafficMbps: d.trafficMbps, chain: d.chain.map((c) => c.vnf.name) }))
      .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1)),
    vnfs: vnfs.map((v) => ({ name: v.name, kind: v.kind, host: v.hostServer.name, cpuCores: v.cpuCores, memoryMiB: v.memoryMiB })),
    controllers: controllers.map((c) => ({
      name: c.name,
      kind: c.kind,
      host: c.hostServer.name,
      manages: {
        edgeServers: sorted(c.managedEdgeServers.map((m) => m.edgeServer.name)),
        networkNodes: sorted(c.managedNodes.map((m) => m.networkNode.name)),
        services: sorted(c.managedServices.map((m) => m.service.name)),
        vnfs: sorted(c.managedVnfs.map((m) => m.vnf.name)),
      },
    })),
  };
  const parsed = parseControlInput(draft);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  return { ok: true, input: parsed.input, placementRunId: scenario.appliedRunId };
}

/** The sentence a person reads when no control input can be built, saying what to do. */
export function describeControlInputFailure(built: Exclude<BuiltControlInput, { ok: true }>): string {
  switch (built.reason) {
    case 'not-found':
      return 'This scenario no longer exists.';
    case 'no-applied-placement':
      return 'This scenario has no applied placement: run a placement on the Placement page (or `npx edgestack placement`) and apply it, then compute the control plan.';
    case 'no-connected-edge-server':
      return 'No edge server is connected to the network: add links from the edge servers to switches or routers on the Architecture page, then compute the control plan.';
    case 'invalid':
      return `The scenario does not make a valid control input: ${built.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`;
  }
}
