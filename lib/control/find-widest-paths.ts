import { nameOfKey, type EdgeAttributes, type GraphPath, type NetworkGraph } from './build-network-graph';

/** A path with the narrowest link capacity on it. */
export type WidestPath = GraphPath & { bottleneckMbps: number };

type Label = { key: string; value: number };

/** A binary heap of graph keys; `better(a, b)` says a comes out first. Ties by key, so runs agree. */
class Heap {
  private readonly items: Label[] = [];
  constructor(private readonly better: (a: number, b: number) => boolean) {}
  get size() {
    return this.items.length;
  }
  private before(a: Label, b: Label) {
    return this.better(a.value, b.value) || (a.value === b.value && a.key < b.key);
  }
  push(item: Label) {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }
  pop(): Label {
    const h = this.items;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.before(h[l], h[best])) best = l;
        if (r < h.length && this.before(h[r], h[best])) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best], h[i]];
        i = best;
      }
    }
    return top;
  }
}

const capacityOf = (network: NetworkGraph, arc: string) => network.links.get(network.graph.getEdgeAttribute(arc, 'link'))!.bandwidthMbps;

/** The widest bottleneck from `source` to every key it reaches (Dijkstra over max-min). */
function widestBottlenecks(network: NetworkGraph, source: string): Map<string, number> {
  const best = new Map<string, number>([[source, Infinity]]);
  const done = new Set<string>();
  const heap = new Heap((a, b) => a > b);
  heap.push({ key: source, value: Infinity });
  while (heap.size) {
    const { key, value } = heap.pop();
    if (done.has(key)) continue;
    done.add(key);
    network.graph.forEachOutEdge(key, (arc, _attributes, _from, to) => {
      const width = Math.min(value, capacityOf(network, arc));
      if (width > (best.get(to) ?? -Infinity)) {
        best.set(to, width);
        heap.push({ key: to, value: width });
      }
    });
  }
  return best;
}

/** Lowest-latency path from `source` to `target` over the arcs of at least `minMbps`. */
function fastestPathAtLeast(network: NetworkGraph, source: string, target: string, minMbps: number): string[] | null {
  const distance = new Map<string, number>([[source, 0]]);
  const previous = new Map<string, string>();
  const done = new Set<string>();
  const heap = new Heap((a, b) => a < b);
  heap.push({ key: source, value: 0 });
  while (heap.size) {
    const { key, value } = heap.pop();
    if (done.has(key)) continue;
    done.add(key);
    if (key === target) break;
    network.graph.forEachOutEdge(key, (arc, attributes, _from, to) => {
      if (capacityOf(network, arc) < minMbps) return;
      const d = value + attributes.latencyMs;
      const known = distance.get(to);
      // Equal latency: keep the path found first (the heap pops in key order), so runs agree.
      if (known === undefined || d < known) {
        distance.set(to, d);
        previous.set(to, key);
        heap.push({ key: to, value: d });
      }
    });
  }
  if (!done.has(target)) return null;
  const keys = [target];
  while (keys[0] !== source) keys.unshift(previous.get(keys[0])!);
  return keys;
}

/**
 * The widest path (the largest bottleneck: the narrowest link on it is as wide as can be) from
 * `source` to each of `targets` (graph keys), ties by lower latency; targets it does not reach
 * are left out. Widest first because a pull is bandwidth-bound: an image of hundreds of MB over
 * 100 Mbit/s takes seconds, where the latency of any path counts once, in milliseconds. The
 * lexicographic order (width, then latency) cannot be searched by one Dijkstra (a wide, slow
 * prefix may lose to a narrow, fast one once a narrower link follows), so it is two: the widest
 * bottleneck B first, then the fastest path over the links of at least B, whose bottleneck is
 * then exactly B.
 */
export function findWidestPaths(network: NetworkGraph, source: string, targets: readonly string[]): Map<string, WidestPath> {
  const out = new Map<string, WidestPath>();
  if (!network.graph.hasNode(source)) return out;
  const widths = widestBottlenecks(network, source);
  for (const target of targets) {
    const width = widths.get(target);
    if (width === undefined || target === source) continue;
    const keys = fastestPathAtLeast(network, source, target, width)!;
    out.set(target, { ...describeWidest(network, keys, width), bottleneckMbps: width });
  }
  return out;
}

/** As describePath, choosing among parallel links only those wide enough (the search used one). */
function describeWidest(network: NetworkGraph, keys: string[], minMbps: number): GraphPath {
  const links: string[] = [];
  let latencyMs = 0;
  for (let i = 0; i + 1 < keys.length; i++) {
    let best: EdgeAttributes | null = null;
    network.graph.forEachDirectedEdge(keys[i], keys[i + 1], (arc, attributes, from) => {
      if (from !== keys[i] || capacityOf(network, arc) < minMbps) return;
      if (!best || attributes.latencyMs < best.latencyMs || (attributes.latencyMs === best.latencyMs && attributes.link < best.link)) best = attributes;
    });
    const chosen = best as EdgeAttributes | null;
    if (!chosen) throw new Error(`no arc of ${minMbps} Mbit/s from ${keys[i]} to ${keys[i + 1]}`);
    links.push(chosen.link);
    latencyMs += chosen.latencyMs;
  }
  return { nodes: keys.map(nameOfKey), links, latencyMs };
}
