import { createPrng, randomInt, shuffleInPlace } from './prng';
import type { Container, Layer, PlacementProblem, Server } from './types';

export type GenerateOptions = {
  servers: number;
  containers: number;
  seed: number;
  /** multiplies every server capacity (the paper's Fig. 5 axis); 1 = moderately tight */
  capacityScale?: number;
  /** multiplies the disks only, after capacityScale (tight disks with room for cpu and memory) */
  diskScale?: number;
};

/** One entry of datasets/images/layers.json (fields this generator reads). */
export type ImageEntry = {
  image: string;
  tag: string;
  platform: string;
  snapshot: string;
  layers: Layer[];
};

export type ImageSource = { entries: ImageEntry[]; snapshot?: string; platform?: string };

const MB = 1024 * 1024;

type ImageSpec = { name: string; layers: Layer[] };

/**
 * A synthetic instance in the paper's shape: a few OS base layers, runtime stacks on top of
 * them shared by many images, a private application layer per image, and containers drawn
 * from the images with a popularity skew (replicas share everything). Servers differ in size.
 */
export function generateProblem(options: GenerateOptions): PlacementProblem {
  const random = createPrng(options.seed);
  const layers: Layer[] = [];
  const newLayer = (minMb: number, maxMb: number): Layer => {
    const layer = {
      digest: `sha256:${hex(random)}`,
      size: Math.round((minMb + random() * (maxMb - minMb)) * MB),
    };
    layers.push(layer);
    return layer;
  };
  const bases = [newLayer(2, 4), newLayer(25, 30), newLayer(45, 55), newLayer(70, 80)];
  const runtimes = Array.from({ length: 10 }, () => {
    const base = bases[Math.floor(random() * bases.length)];
    const depth = randomInt(random, 1, 3);
    return [base, ...Array.from({ length: depth }, () => newLayer(8, 120))];
  });
  const imageCount = Math.max(3, Math.ceil(options.containers * 0.6));
  const images: ImageSpec[] = Array.from({ length: imageCount }, (_, k) => {
    const stack = random() < 0.8 ? runtimes[Math.floor(random() * runtimes.length)] : [bases[Math.floor(random() * bases.length)]];
    const app = Array.from({ length: randomInt(random, 1, 3) }, () => newLayer(0.5, 60));
    return { name: `app-${k}:1.0`, layers: [...stack, ...app] };
  });
  return assembleProblem(images, layers, options, random);
}

/**
 * An instance drawn from real image manifests (layers.json format), one snapshot and one
 * platform only: layer sharing is only meaningful inside one registry snapshot.
 */
export function generateProblemFromImages(options: GenerateOptions, source: ImageSource): PlacementProblem {
  const snapshot = source.snapshot ?? 'dockerhub-2023-07';
  const platform = source.platform ?? 'linux/amd64';
  const random = createPrng(options.seed);
  const entries = source.entries.filter((e) => e.snapshot === snapshot && e.platform === platform && e.layers.length > 0);
  if (entries.length === 0) throw new Error(`no images for snapshot ${snapshot} and platform ${platform}`);
  const images: ImageSpec[] = entries.map((e) => ({ name: `${e.image}:${e.tag}`, layers: e.layers }));
  const bySize = new Map<string, number>();
  for (const image of images) for (const l of image.layers) bySize.set(l.digest, l.size);
  const layers = [...bySize].map(([digest, size]) => ({ digest, size }));
  return assembleProblem(images, layers, options, random, platform.split('/')[1]);
}

function assembleProblem(images: ImageSpec[], allLayers: Layer[], options: GenerateOptions, random: () => number, arch?: string): PlacementProblem {
  const scale = options.capacityScale ?? 1;
  // Zipf-like popularity: a few images run as many replicas, most once or twice.
  const weights = images.map((_, k) => 1 / Math.pow(k + 1, 0.6));
  const order = shuffleInPlace(
    images.map((_, k) => k),
    random,
  );
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickImage = () => {
    let r = random() * totalWeight;
    for (let k = 0; k < weights.length; k++) {
      r -= weights[k];
      if (r <= 0) return images[order[k]];
    }
    return images[order[weights.length - 1]];
  };

  const containers: Container[] = Array.from({ length: options.containers }, (_, i) => {
    const image = pickImage();
    return {
      id: `c${i}`,
      image: image.name,
      layers: image.layers.map((l) => l.digest),
      cpu: [0.25, 0.5, 1, 2][randomInt(random, 0, 3)],
      memory: [128, 256, 512, 1024, 2048][randomInt(random, 0, 4)],
      bandwidth: randomInt(random, 5, 100),
    };
  });
  const used = new Set(containers.flatMap((c) => c.layers));
  const layers = allLayers.filter((l) => used.has(l.digest));
  const sizeOf = new Map(layers.map((l) => [l.digest, l.size]));
  const demand = (pick: (c: Container) => number) => containers.reduce((sum, c) => sum + pick(c), 0);
  const privateBytes = demand((c) => c.layers.reduce((s, d) => s + sizeOf.get(d)!, 0));

  const factors = Array.from({ length: options.servers }, () => [0.5, 1, 1.5, 2][randomInt(random, 0, 3)]);
  const factorSum = factors.reduce((a, b) => a + b, 0);
  const largest = (pick: (c: Container) => number) => containers.reduce((m, c) => Math.max(m, pick(c)), 0);
  // A server's share of the total, but never less than 1.25–2× the largest single demand, so
  // few containers on many servers still fit somewhere (as real edge servers would).
  const capacity = (total: number, biggest: number, j: number) => scale * Math.max((total * factors[j]) / factorSum, (1 + factors[j] / 2) * biggest);
  const imageBytes = (c: Container) => c.layers.reduce((s, d) => s + sizeOf.get(d)!, 0);
  const servers: Server[] = factors.map((_, j) => ({
    id: `edge-${j + 1}`,
    site: `site-${Math.floor(j / 2) + 1}`,
    storage: Math.round(capacity(0.9 * privateBytes, largest(imageBytes), j) * (options.diskScale ?? 1)),
    cpu: round2(
      capacity(
        1.6 * demand((c) => c.cpu),
        largest((c) => c.cpu),
        j,
      ),
    ),
    memory: Math.round(
      capacity(
        1.6 * demand((c) => c.memory),
        largest((c) => c.memory),
        j,
      ),
    ),
    bandwidth: Math.round(
      capacity(
        2 * demand((c) => c.bandwidth),
        largest((c) => c.bandwidth),
        j,
      ),
    ),
    ...(arch ? { arch } : {}),
  }));
  return { version: 1, objective: 'storage', layers, servers, containers, policies: [] };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function hex(random: () => number): string {
  let text = '';
  for (let k = 0; k < 64; k++) text += Math.floor(random() * 16).toString(16);
  return text;
}
