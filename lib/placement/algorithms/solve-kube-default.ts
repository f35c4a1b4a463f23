import { PlacementState } from '../placement-state';
import type { AlgorithmContext, AlgorithmOutcome } from './algorithm-context';

// Upstream kube-scheduler ImageLocality constants (pkg/scheduler/framework/plugins/imagelocality).
const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;
const MAX_NODE_SCORE = 100;

/**
 * What a stock Kubernetes scheduler would do, pod by pod in input order: filter the nodes that
 * cannot take the pod, then score NodeResourcesFit (LeastAllocated over cpu and memory) plus
 * ImageLocality (whole images only, scaled by the fraction of nodes that hold the image), and
 * take the best. Layers pulled by earlier pods of the run count as present.
 */
export function solveKubeDefault(ctx: AlgorithmContext): AlgorithmOutcome {
  const { cp } = ctx;
  const problem = cp.problem;
  const S = cp.servers.length;
  const state = new PlacementState(cp);
  const layerIndex = new Map(cp.layerDigest.map((d, l) => [d, l]));
  const imageKey = (i: number) => problem.containers[i].image ?? problem.containers[i].layers.join(',');
  const imageLayers = new Map<string, number[]>();
  problem.containers.forEach((c, i) => {
    imageLayers.set(imageKey(i), [...new Set(c.layers.map((d) => layerIndex.get(d)!))]);
  });
  const imageSize = (key: string) => imageLayers.get(key)!.reduce((sum, l) => sum + cp.layerSize[l], 0);
  const hasImage = (key: string, j: number) => imageLayers.get(key)!.every((l) => state.refs[j][l] > 0 || cp.servers[j].cached[l] === 1);

  // An affinity group is scheduled as one pod group, when its first member comes up.
  const seen = new Set<number>();
  const unitOrder: number[] = [];
  for (let i = 0; i < problem.containers.length; i++) {
    const u = cp.unitOfContainer[i];
    if (!seen.has(u)) {
      seen.add(u);
      unitOrder.push(u);
    }
  }

  for (const u of unitOrder) {
    if (ctx.deadline.stopped()) return { status: 'cancelled' };
    const unit = cp.units[u];
    const images = unit.containers.map(imageKey);
    const nodesWith = new Map(
      images.map((key) => {
        let count = 0;
        for (let j = 0; j < S; j++) if (hasImage(key, j)) count++;
        return [key, count];
      }),
    );
    let best = -1,
      bestScore = -Infinity;
    for (let j = 0; j < S; j++) {
      if (!state.canPlace(u, j)) continue;
      const score = leastAllocated(state, u, j) + imageLocality(images, j, nodesWith, imageSize, hasImage, S);
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) {
      const ids = unit.containers.map((i) => problem.containers[i].id).join(', ');
      return { status: 'no-solution', message: `unschedulable: no node passes the filters for ${ids}` };
    }
    state.place(u, best);
  }
  return { status: 'feasible', unitServer: state.unitServer, lowerBound: null };
}

function leastAllocated(state: PlacementState, u: number, j: number): number {
  const server = state.cp.problem.servers[j];
  const unit = state.cp.units[u];
  const part = (requested: number, capacity: number) => (capacity <= 0 || requested > capacity ? 0 : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity));
  return Math.floor((part(state.cpu[j] + unit.cpu, server.cpu) + part(state.memory[j] + unit.memory, server.memory)) / 2);
}

function imageLocality(
  images: string[],
  j: number,
  nodesWith: Map<string, number>,
  imageSize: (key: string) => number,
  hasImage: (key: string, j: number) => boolean,
  totalNodes: number,
): number {
  let sum = 0;
  for (const key of images) {
    if (hasImage(key, j)) sum += Math.floor((imageSize(key) * nodesWith.get(key)!) / totalNodes);
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * images.length;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}
