/**
 * Maximum flow / minimum s–t cut by Dinic's algorithm on typed arrays. Pricing calls it once per
 * class and round (and inside its branch and bound), so it is allocation-light: build once with
 * `addEdge`, solve with `findMinimumCut`.
 */
export type FlowNetwork = {
  nodes: number;
  /** per edge (forward at even index, its reverse at the odd one after it) */
  to: number[];
  capacity: number[];
  next: number[];
  head: Int32Array;
};

export function createFlowNetwork(nodes: number): FlowNetwork {
  return { nodes, to: [], capacity: [], next: [], head: new Int32Array(nodes).fill(-1) };
}

/** A directed edge from → to with the given capacity (Infinity allowed); returns its index. */
export function addEdge(net: FlowNetwork, from: number, to: number, capacity: number): number {
  const e = net.to.length;
  net.to.push(to, from);
  net.capacity.push(capacity, 0);
  net.next.push(net.head[from], net.head[to]);
  net.head[from] = e;
  net.head[to] = e + 1;
  return e;
}

export type MinimumCut = {
  /** the cut's capacity (= the maximum flow) */
  value: number;
  /** 1 for nodes on the source side of a minimum cut (reachable from s in the residual graph) */
  sourceSide: Uint8Array;
};

/**
 * The minimum s–t cut. Residual capacities below `tolerance` count as saturated, so
 * floating-point crumbs neither extend the source side nor loop the search.
 */
export function findMinimumCut(net: FlowNetwork, s: number, t: number, tolerance = 1e-12): MinimumCut {
  const n = net.nodes;
  const to = Int32Array.from(net.to);
  const next = Int32Array.from(net.next);
  const residual = Float64Array.from(net.capacity);
  const level = new Int32Array(n);
  const iter = new Int32Array(n);
  const queue = new Int32Array(n);
  let value = 0;

  const buildLevels = (): boolean => {
    level.fill(-1);
    level[s] = 0;
    let qh = 0,
      qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const v = queue[qh++];
      for (let e = net.head[v]; e >= 0; e = next[e]) {
        const w = to[e];
        if (residual[e] > tolerance && level[w] < 0) {
          level[w] = level[v] + 1;
          queue[qt++] = w;
        }
      }
    }
    return level[t] >= 0;
  };

  // Depth-first augmentation along the level graph with an explicit stack (paths can be long).
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  const augment = (): number => {
    let total = 0;
    for (;;) {
      let depth = 0;
      stackNode[0] = s;
      let found = false;
      while (depth >= 0) {
        const v = stackNode[depth];
        if (v === t) {
          found = true;
          break;
        }
        let advanced = false;
        for (; iter[v] >= 0; iter[v] = next[iter[v]]) {
          const e = iter[v];
          const w = to[e];
          if (residual[e] > tolerance && level[w] === level[v] + 1) {
            stackEdge[depth] = e;
            stackNode[++depth] = w;
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          // Dead end: retreat and skip the edge that led here.
          level[v] = -1;
          depth--;
          if (depth >= 0) {
            const u = stackNode[depth];
            iter[u] = next[iter[u]];
          }
        }
      }
      if (!found) return total;
      let push = Infinity;
      for (let d = 0; d < depth; d++) push = Math.min(push, residual[stackEdge[d]]);
      if (!Number.isFinite(push)) throw new Error('findMinimumCut: an s–t path of infinite capacity');
      for (let d = 0; d < depth; d++) {
        const e = stackEdge[d];
        residual[e] -= push;
        residual[e ^ 1] += push;
      }
      total += push;
    }
  };

  while (buildLevels()) {
    for (let v = 0; v < n; v++) iter[v] = net.head[v];
    value += augment();
  }
  // The last level graph, which no longer reaches the sink, is the residual reach of the source.
  const sourceSide = Uint8Array.from(level, (l) => (l >= 0 ? 1 : 0));
  return { value, sourceSide };
}
