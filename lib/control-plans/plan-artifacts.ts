import { stringify } from 'yaml';
import type { ControlInput } from '@/lib/control/control-input-schema';
import { kubernetesName } from '@/lib/control/generate-mesh-config';
import type { ControlPlan, IstioObject, LinkLoad, RoutedDemand, SwitchFlows, UnroutableDemand } from '@/lib/control/types';

// How a ControlPlan is stored: one artifact per output and owner. Routes and link load belong
// to the scenario; flow rules to each SDN controller (the switches it manages); mesh objects to
// each mesh controller (the services it manages). Timings are left out, so that recomputing an
// unchanged scenario gives identical content and no new version.

export type RoutesContent = { mode: ControlPlan['mode']; demands: RoutedDemand[]; unroutable: UnroutableDemand[]; meanLatencyMs: number };
export type LinkLoadContent = { links: LinkLoad[]; maxUtilisationPct: number; warnings: ControlPlan['warnings']; errors: ControlPlan['errors'] };
export type FlowsContent = { switches: SwitchFlows[]; ports: Record<string, Record<string, number>>; addresses: ControlPlan['addresses'] };
export type MeshContent = { services: string[]; objects: IstioObject[]; yaml: string };

export type PlannedArtifact =
  | { kind: 'routes'; controller: null; summary: string; content: RoutesContent }
  | { kind: 'link-load'; controller: null; summary: string; content: LinkLoadContent }
  | { kind: 'flows'; controller: string; summary: string; content: FlowsContent }
  | { kind: 'mesh'; controller: string; summary: string; content: MeshContent };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** An Istio object belongs to the services it configures: its host (`<name>.<namespace>.svc…`) names them. */
function hostsOf(object: IstioObject): string[] {
  const spec = object.spec as { host?: unknown; hosts?: unknown };
  const listed: unknown[] = Array.isArray(spec.hosts) ? spec.hosts : [];
  const hosts = [spec.host, ...listed].filter((h): h is string => typeof h === 'string');
  return hosts.map((h) => h.split('.')[0]);
}

/** The plan split into the artifacts kept in the database, in a stable order. */
export function planArtifacts(input: ControlInput, plan: ControlPlan): PlannedArtifact[] {
  const out: PlannedArtifact[] = [
    {
      kind: 'routes',
      controller: null,
      summary: `${plural(plan.summary.routed, 'demand')} routed, ${plan.summary.unroutable} unroutable`,
      content: { mode: plan.mode, demands: plan.demands, unroutable: plan.unroutable, meanLatencyMs: plan.summary.meanLatencyMs },
    },
    {
      kind: 'link-load',
      controller: null,
      summary: `${plural(plan.links.filter((l) => l.loadMbps > 0).length, 'link')} carry traffic, ${plan.summary.linksOverCapacity} over capacity, ${plan.summary.linksNearCapacity} near capacity`,
      content: { links: plan.links, maxUtilisationPct: plan.summary.maxUtilisationPct, warnings: plan.warnings, errors: plan.errors },
    },
  ];
  for (const controller of input.controllers) {
    if (controller.kind === 'sdn') {
      const switches = Object.values(plan.flows)
        .filter((f) => f.controllers.includes(controller.name))
        .sort((a, b) => (a.node < b.node ? -1 : 1));
      const nodes = new Set(switches.map((s) => s.node));
      const rules = switches.reduce((n, s) => n + s.onos.flows.length, 0);
      out.push({
        kind: 'flows',
        controller: controller.name,
        summary: `${plural(rules, 'flow rule')} on ${plural(switches.length, 'switch', 'switches')}`,
        content: {
          switches,
          ports: Object.fromEntries(Object.entries(plan.ports).filter(([node]) => nodes.has(node))),
          addresses: plan.addresses,
        },
      });
    } else if (controller.kind === 'mesh') {
      const services = [...(plan.mesh.controllers.find((c) => c.name === controller.name)?.services ?? [])].sort();
      const mine = new Set(services.map(kubernetesName));
      const objects = plan.mesh.objects.filter((o) => hostsOf(o).some((h) => mine.has(h)));
      out.push({
        kind: 'mesh',
        controller: controller.name,
        summary: `${plural(objects.length, 'Istio object')} for ${plural(services.length, 'service')}`,
        content: { services, objects, yaml: objects.map((o) => stringify(o)).join('---\n') },
      });
    }
  }
  return out;
}
