import { nameOfKey, type GraphPath, type NetworkGraph } from './build-network-graph';

/** A path with the narrowest link capacity on it. */
export type WidestPath = GraphPath & { bottleneckMbps: number };

export type PathFinder = {
  /**
   * The widest path (the largest bottleneck: the narrowest link on it is as wide as can be) from
   * `source` to each of `targets` (graph keys), ties by lower latency; targets it does not reach
   * are left out.
   */
  widestPaths(source: string, targets: readonly string[]): Map<string, WidestPath>;
  /** The lowest path latency from `source` to each of `targets`, ms (Infinity: not reached), in their order. */
  lowestLatencies(source: string, targets: readonly string[]): number[];
};

type Arc = { to: number; mbps: number; ms: number; link: string };

/** Graph keys as numbers (insertion order), their out-arcs in arrays: one Dijkstra per source
 * then costs a few ms at a thousand nodes, where graphology's callbacks and attribute lookups
 * cost ten times that. */
function indexArcs(network: NetworkGraph) {
  const keys = network.graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const out: Arc[][] = keys.map(() => []);
  network.graph.forEachEdge((_arc, attributes, from, to) => {
    out[index.get(from)!].push({ to: index.get(to)!, mbps: network.links.get(attributes.link)!.bandwidthMbps, ms: attributes.latencyMs, link: attributes.link });
  });
  // Parallel links: the faster first, then by name, so a tie between them is settled as describePath settles it.
  for (const arcs of out) arcs.sort((a, b) => a.ms - b.ms || (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
  return { keys, index, out };
}

/** A binary heap of node numbers by value; `better(a, b)` says a comes out first; ties by number, so runs agree. */
class Heap {
  private readonly nodes: number[] = [];
  private readonly values: number[] = [];
  constructor(private readonly better: (a: number, b: number) => boolean) {}
  get size() {
    return this.nodes.length;
  }
  private before(i: number, j: number) {
    const [a, b] = [this.values[i], this.values[j]];
    return this.better(a, b) || (a === b && this.nodes[i] < this.nodes[j]);
  }
  private swap(i: number, j: number) {
    [this.nodes[i], this.nodes[j]] = [this.nodes[j], this.nodes[i]];
    [this.values[i], this.values[j]] = [this.values[j], this.values[i]];
  }
  push(node: number, value: number) {
    this.nodes.push(node);
    this.values.push(value);
    for (let i = this.nodes.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [node: number, value: number] {
    const top: [number, number] = [this.nodes[0], this.values[0]];
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.values.pop();
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.nodes.length && this.before(l, best)) best = l;
      if (r < this.nodes.length && this.before(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }
}

/**
 * Paths over the control layer's graph (edge servers end paths but never forward), for the
 * placement problem's network section. Widest first for pulls because a pull is bandwidth-bound:
 * an image of hundreds of MB over 100 Mbit/s takes seconds, where the latency of any path counts
 * once, in milliseconds. The lexicographic order (width, then latency) cannot be searched by one
 * Dijkstra (a wide, slow prefix may lose to a narrow, fast one once a narrower link follows), so
 * it is two: the widest bottleneck B first, then the fastest path over the links of at least B,
 * whose bottleneck is then exactly B.
 */
export function createPathFinder(network: NetworkGraph): PathFinder {
  const { keys, index, out } = indexArcs(network);

  /** Dijkstra from `source` over the arcs of at least `minMbps`: distances, and the arc and node each node was reached by. */
  const fastest = (source: number, minMbps: number) => {
    const distance = new Float64Array(keys.length).fill(Infinity);
    const via: (Arc | null)[] = new Array<Arc | null>(keys.length).fill(null);
    const from = new Int32Array(keys.length).fill(-1);
    const done = new Uint8Array(keys.length);
    const heap = new Heap((a, b) => a < b);
    distance[source] = 0;
    heap.push(source, 0);
    while (heap.size) {
      const [node, d] = heap.pop();
      if (done[node]) continue;
      done[node] = 1;
      for (const arc of out[node]) {
        if (arc.mbps < minMbps) continue;
        const next = d + arc.ms;
        // Equal latency: keep the path found first, so runs agree.
        if (next < distance[arc.to]) {
          distance[arc.to] = next;
          via[arc.to] = arc;
          from[arc.to] = node;
          heap.push(arc.to, next);
        }
      }
    }
    return { distance, via, from };
  };

  const widestBottlenecks = (source: number) => {
    const width = new Float64Array(keys.length).fill(-Infinity);
    const done = new Uint8Array(keys.length);
    const heap = new Heap((a, b) => a > b);
    width[source] = Infinity;
    heap.push(source, Infinity);
    while (heap.size) {
      const [node, w] = heap.pop();
      if (done[node]) continue;
      done[node] = 1;
      for (const arc of out[node]) {
        const next = Math.min(w, arc.mbps);
        if (next > width[arc.to]) {
          width[arc.to] = next;
          heap.push(arc.to, next);
        }
      }
    }
    return width;
  };

  return {
    widestPaths(sourceKey, targets) {
      const found = new Map<string, WidestPath>();
      const source = index.get(sourceKey);
      if (source === undefined) return found;
      const width = widestBottlenecks(source);
      const searches = new Map<number, ReturnType<typeof fastest>>();
      for (const targetKey of targets) {
        const target = index.get(targetKey);
        if (target === undefined || target === source || width[target] === -Infinity) continue;
        const bottleneck = width[target];
        let search = searches.get(bottleneck);
        if (!search) searches.set(bottleneck, (search = fastest(source, bottleneck)));
        const nodes: string[] = [];
        const links: string[] = [];
        for (let at: number = target; at !== source; at = search.from[at]) {
          nodes.unshift(nameOfKey(keys[at]));
          links.unshift(search.via[at]!.link);
        }
        nodes.unshift(nameOfKey(keys[source]));
        found.set(targetKey, { nodes, links, latencyMs: search.distance[target], bottleneckMbps: bottleneck });
      }
      return found;
    },
    lowestLatencies(sourceKey, targets) {
      const source = index.get(sourceKey);
      if (source === undefined) return targets.map(() => Infinity);
      const { distance } = fastest(source, -Infinity);
      return targets.map((t) => {
        const i = index.get(t);
        return i === undefined ? Infinity : distance[i];
      });
    },
  };
}
