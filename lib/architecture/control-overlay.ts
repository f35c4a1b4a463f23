// What the Architecture page draws of the control plan (issue 9): per link its routed load and
// utilisation, per service the links and nodes of its routes (chains through their VNF hosts
// included), and the problems: unroutable demands and links near or over capacity. Built from
// the stored artifacts (control-plans' loadLatestControlPlan), plain JSON for the client. Pure.

import type { LatestControlPlan } from '@/lib/control-plans/list-control-artifacts';
import type { LinkLoadContent, RoutesContent } from '@/lib/control-plans/plan-artifacts';
import type { LinkLoadStatus, UnroutableReason } from '@/lib/control/types';

/** Utilisation bands of the legend, in % of capacity (80 % warns and over 100 % is an error, as in the plan). */
export const UTILISATION_LEVELS = [
  { upTo: 0, label: 'no traffic', colour: '#94a3b8' },
  { upTo: 50, label: 'up to 50 %', colour: '#16a34a' },
  { upTo: 80, label: '50–80 %', colour: '#ca8a04' },
  { upTo: 100, label: '80–100 %', colour: '#ea580c' },
  { upTo: Infinity, label: 'over 100 %', colour: '#dc2626' },
] as const;

export function utilisationColour(pct: number): string {
  for (const level of UTILISATION_LEVELS) if (pct <= level.upTo) return level.colour;
  return UTILISATION_LEVELS[UTILISATION_LEVELS.length - 1].colour;
}

export type LinkLoadView = { loadMbps: number; capacityMbps: number; utilisationPct: number; status: LinkLoadStatus; demands: number };

type ServiceRoutes = {
  /** Link names its demands cross, either direction. */
  links: string[];
  /** Node names on its paths (edge servers, network nodes, VNF hosts). */
  nodes: string[];
  /** VNF names of the chains its demands go through. */
  vnfs: string[];
  demands: number;
};

export type ControlOverlay = {
  computedAt: string;
  /** The placement run the plan was computed from, and whether it is still the applied one. */
  placementRun: { id: string; algorithm: string } | null;
  stale: boolean;
  links: Record<string, LinkLoadView>;
  services: Record<string, ServiceRoutes>;
  unroutable: { from: string; to: string; fromService: string; toService: string; mbps: number; reason: UnroutableReason; detail: string }[];
  /** Links at or above 80 %, fullest first. */
  overloaded: { link: string; from: string; to: string; loadMbps: number; capacityMbps: number; utilisationPct: number; status: LinkLoadStatus }[];
  routed: number;
  maxUtilisationPct: number;
};

/** The overlay, or null when no plan has been computed for the scenario. */
export function buildControlOverlay(plan: LatestControlPlan): ControlOverlay | null {
  if (!plan.linkLoad && !plan.routes) return null;
  const load = (plan.linkLoad?.content ?? null) as LinkLoadContent | null;
  const routes = (plan.routes?.content ?? null) as RoutesContent | null;
  const links: ControlOverlay['links'] = {};
  for (const l of load?.links ?? [])
    links[l.link] = { loadMbps: l.loadMbps, capacityMbps: l.capacityMbps, utilisationPct: l.utilisationPct, status: l.status, demands: l.demands.length };
  const services = new Map<string, { links: Set<string>; nodes: Set<string>; vnfs: Set<string>; demands: number }>();
  const of = (name: string) => {
    let s = services.get(name);
    if (!s) services.set(name, (s = { links: new Set(), nodes: new Set(), vnfs: new Set(), demands: 0 }));
    return s;
  };
  for (const d of routes?.demands ?? []) {
    for (const name of new Set([d.fromService, d.toService])) {
      const s = of(name);
      s.demands++;
      for (const l of d.links) s.links.add(l);
      for (const n of d.path) s.nodes.add(n);
      for (const v of d.chain) s.vnfs.add(v);
    }
  }
  const source = plan.linkLoad ?? plan.routes!;
  const overloaded = (load?.links ?? [])
    .filter((l) => l.utilisationPct >= 80)
    .sort((a, b) => b.utilisationPct - a.utilisationPct || a.link.localeCompare(b.link))
    .map((l) => ({ link: l.link, from: l.from, to: l.to, loadMbps: l.loadMbps, capacityMbps: l.capacityMbps, utilisationPct: l.utilisationPct, status: l.status }));
  return {
    computedAt: source.createdAt,
    placementRun: source.placementRun ? { id: source.placementRun.id, algorithm: source.placementRun.algorithm } : null,
    stale: (source.placementRun?.id ?? null) !== (plan.placementRun?.id ?? null),
    links,
    services: Object.fromEntries(
      [...services]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, s]) => [name, { links: [...s.links].sort(), nodes: [...s.nodes].sort(), vnfs: [...s.vnfs].sort(), demands: s.demands }]),
    ),
    unroutable: (routes?.unroutable ?? []).map((u) => ({
      from: u.from,
      to: u.to,
      fromService: u.fromService,
      toService: u.toService,
      mbps: u.mbps,
      reason: u.reason,
      detail: u.detail,
    })),
    overloaded,
    routed: routes?.demands.length ?? 0,
    maxUtilisationPct: load?.maxUtilisationPct ?? 0,
  };
}
