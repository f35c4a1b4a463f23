import { computeLinkLoad } from './compute-link-load';
import { generateFlowRules } from './generate-flow-rules';
import { generateMeshConfig } from './generate-mesh-config';
import type { PreparedControl } from './prepare-control';
import type { RoutingOutcome } from './route-demands';
import { CONTROL_PLAN_FORMAT, type ControlOptions, type ControlPlan, type OptimalReport, type RoutingMode } from './types';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Link load, flow rules, mesh objects and the summary around a routing. */
export function assembleControlPlan(
  prepared: PreparedControl,
  routing: RoutingOutcome,
  mode: RoutingMode,
  options: ControlOptions,
  started: number,
  optimal?: OptimalReport,
): ControlPlan {
  const { input } = prepared;
  const routed = [...routing.routed].sort(byId);
  const unroutable = [...routing.unroutable].sort(byId);
  const load = computeLinkLoad(input, routed, options.warnAtPct);
  const rules = generateFlowRules(input, routed, prepared.ports);
  const mesh = generateMeshConfig(input, prepared.latency, options.mesh);
  const totalMbps = routed.reduce((s, d) => s + d.mbps, 0);
  const weighted = routed.reduce((s, d) => s + d.mbps * d.latencyMs, 0);
  const flowRules = Object.values(rules.flows).reduce((s, f) => s + f.rules.length, 0);
  return {
    format: CONTROL_PLAN_FORMAT,
    version: 1,
    source: { ...input.source },
    mode,
    demands: routed,
    unroutable,
    links: load.links,
    ports: prepared.ports,
    addresses: { replicas: prepared.addresses, ports: prepared.servicePorts },
    flows: rules.flows,
    mesh,
    warnings: [...prepared.warnings, ...rules.warnings, ...load.warnings],
    errors: load.errors,
    summary: {
      demands: routed.length + unroutable.length,
      routed: routed.length,
      unroutable: unroutable.length,
      linksOverCapacity: load.errors.length,
      linksNearCapacity: load.warnings.length,
      maxUtilisationPct: load.links.reduce((m, l) => Math.max(m, l.utilisationPct), 0),
      meanLatencyMs: totalMbps > 0 ? Math.round((weighted / totalMbps) * 1000) / 1000 : 0,
      switches: Object.keys(rules.flows).length,
      flowRules,
      meshObjects: mesh.objects.length,
    },
    ...(optimal ? { optimal } : {}),
    elapsedMs: Math.round(performance.now() - started),
  };
}
