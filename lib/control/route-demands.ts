import { bidirectional } from 'graphology-shortest-path/dijkstra';
import { describePath, sinkKey, sourceKey, type GraphPath, type NetworkGraph } from './build-network-graph';
import { ResidualNetwork } from './residual-network';
import type { Demand, RoutedDemand, UnroutableDemand } from './types';

export type RoutingOutcome = { routed: RoutedDemand[]; unroutable: UnroutableDemand[] };

/** The edge servers a demand must visit in order: caller, each VNF host of its chain, callee. */
export function waypointsOf(demand: Demand, vnfHost: Map<string, string>): string[] {
  return [demand.fromEdgeServer, ...demand.chain.map((v) => vnfHost.get(v)!), demand.toEdgeServer];
}

/** Joins the legs of a demand into one path; `waypoints` are the path indexes of the VNF hosts. */
export function joinLegs(demand: Demand, legs: GraphPath[]): RoutedDemand {
  const path = [legs[0].nodes[0]];
  const links: string[] = [];
  const waypoints: number[] = [];
  let latencyMs = 0;
  legs.forEach((leg, i) => {
    path.push(...leg.nodes.slice(1));
    links.push(...leg.links);
    latencyMs += leg.latencyMs;
    if (i < legs.length - 1) waypoints.push(path.length - 1);
  });
  return { ...demand, path, links, latencyMs, waypoints };
}

const stay = (edgeServer: string): GraphPath => ({ nodes: [edgeServer], links: [], latencyMs: 0 });

/** Why a leg found no path: none at all, or none with room left. */
export function explainFailure(network: NetworkGraph, demand: Demand, from: string, to: string): UnroutableDemand {
  const anyPath = bidirectional(network.graph, sourceKey(from), sinkKey(to), 'latencyMs');
  const leg = from === demand.fromEdgeServer && to === demand.toEdgeServer ? '' : ` (leg ${from} → ${to})`;
  return anyPath
    ? { ...demand, reason: 'insufficient-bandwidth', detail: `every path from ${from} to ${to} has a link with less than ${round(demand.mbps)} Mbit/s free${leg}` }
    : { ...demand, reason: 'no-path', detail: `no path joins ${from} to ${to}${leg}` };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Routes one demand, leg by leg, on the links with room for it and charges its bandwidth as it
 * goes; if a leg fails, what the earlier legs took is given back.
 */
export function routeDemand(network: NetworkGraph, residual: ResidualNetwork, demand: Demand, vnfHost: Map<string, string>): RoutedDemand | UnroutableDemand {
  const stops = waypointsOf(demand, vnfHost);
  const legs: GraphPath[] = [];
  const taken: string[] = [];
  for (let i = 0; i + 1 < stops.length; i++) {
    const [from, to] = [stops[i], stops[i + 1]];
    if (from === to) {
      legs.push(stay(from));
      continue;
    }
    residual.admit(demand.mbps);
    const keys = bidirectional(residual.graph, sourceKey(from), sinkKey(to), 'latencyMs');
    if (!keys) {
      residual.release(taken, demand.mbps);
      return explainFailure(network, demand, from, to);
    }
    const leg = describePath(residual.graph, keys);
    residual.reserve(leg.links, demand.mbps);
    taken.push(...leg.links);
    legs.push(leg);
  }
  return joinLegs(demand, legs);
}

/** Largest demands first (ties by id, so the result does not depend on input order). */
export function orderDemands<T extends Demand>(demands: T[]): T[] {
  return [...demands].sort((a, b) => b.mbps - a.mbps || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const isRouted = (r: RoutedDemand | UnroutableDemand): r is RoutedDemand => 'path' in r;

/**
 * The greedy router: each demand, largest first, takes the lowest-latency path whose links all
 * still have room for it.
 */
export function routeDemandsGreedy(network: NetworkGraph, demands: Demand[], vnfHost: Map<string, string>): RoutingOutcome {
  const residual = new ResidualNetwork(network);
  const outcome: RoutingOutcome = { routed: [], unroutable: [] };
  for (const demand of orderDemands(demands)) {
    const result = routeDemand(network, residual, demand, vnfHost);
    if (isRouted(result)) outcome.routed.push(result);
    else outcome.unroutable.push(result);
  }
  return outcome;
}
