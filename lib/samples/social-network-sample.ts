import fs from 'node:fs';
import { z } from 'zod';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { parseImageReference } from '@/lib/importers/images/image-reference';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';
import { findCentralNode } from './find-central-node';
import { readTopologySample } from './read-topology-sample';
import type { Sample } from './sample-types';

// DeathStarBench's social network (27 compose services on 7 images) on the Abilene backbone.
// Layer data: the Docker Hub snapshot of July 2023 in datasets/images/layers.json has mongo,
// redis and memcached (as `latest`); the four other images are not in it, so each is given a
// declared size (one opaque layer that shares nothing with other images) equal to the median
// size of the snapshot's amd64 images: a figure taken from the data, not made up.

const APP_FILE = 'deathstarbench_socialNetwork.json';
const TOPOLOGY_FILE = 'Abilene.graphml';
const SNAPSHOT = 'dockerhub-2023-07';
const PLATFORM = 'linux/amd64';
/** The compose file states no resource requests; each service gets this, as the sample says. */
const SERVICE_CPU_CORES = 0.5;
const SERVICE_MEMORY_MIB = 512;

const appSchema = z.object({
  application: z.string(),
  source: z.object({ repository: z.string(), path: z.string(), commit: z.string(), license: z.string() }),
  services: z.array(z.object({ service: z.string(), image: z.string(), depends_on: z.array(z.string()).default([]) })),
});
const layersSchema = z.array(
  z.object({
    image: z.string(),
    tag: z.string(),
    platform: z.string(),
    snapshot: z.string(),
    manifest_digest: z.string().nullable(),
    total_size: z.number(),
    layers: z.array(z.object({ digest: z.string(), size: z.number() })),
  }),
);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

/** Which images of the application have layer data, and the size given to the others. */
export function describeSocialNetworkImages() {
  const app = appSchema.parse(JSON.parse(fs.readFileSync(datasetPath('microservices', APP_FILE), 'utf8')));
  const snapshot = layersSchema.parse(JSON.parse(fs.readFileSync(datasetPath('images', 'layers.json'), 'utf8'))).filter((e) => e.snapshot === SNAPSHOT && e.platform === PLATFORM);
  const declaredSizeBytes = median(snapshot.map((e) => e.total_size));
  const refs = [...new Set(app.services.map((s) => s.image))].sort();
  const images = refs.map((ref) => {
    const parsed = parseImageReference(ref);
    if (!parsed) throw new Error(`${APP_FILE}: "${ref}" is not an image reference`);
    // The snapshot names official images without the library/ prefix and only as `latest`.
    const short = parsed.repository.replace(/^library\//, '');
    const entry = snapshot.find((e) => e.image === short) ?? null;
    return { ref, repository: parsed.repository, tag: entry ? entry.tag : parsed.tag, requestedTag: parsed.tag, entry };
  });
  return { app, images, declaredSizeBytes, snapshotImages: snapshot.length };
}

export const socialNetworkSample: Sample = {
  name: 'social-network',
  title: 'DeathStarBench social network on the Abilene backbone',
  summary:
    "A real microservice application, 27 services of DeathStarBench's social network (11 of them run one shared image), with the real image layers of mongo, redis and memcached, on the 11 PoPs of the Abilene research backbone, each with an edge server. Ready for a placement run.",
  defaultScenarioName: 'Social network on Abilene',
  sources: [
    {
      file: `datasets/microservices/${APP_FILE}`,
      origin: 'delimitrou/DeathStarBench, socialNetwork/docker-compose.yml, commit 6ecb097',
      licence: 'Apache-2.0',
      use: `The 27 services, the image each runs as written, and depends_on (start order; the RPC graph is not in the data) as dependencies. The compose file states no resource requests: each service asks for ${SERVICE_CPU_CORES} cores and ${SERVICE_MEMORY_MIB} MiB, one replica.`,
    },
    {
      file: 'datasets/images/layers.json',
      origin: 'paulosevero/hermes, top150_images_dockerhub.json, commit 06f0a48 (Docker Hub, July 2023)',
      licence: 'MIT',
      use: "Real layers (digests and compressed sizes, amd64) of mongo, redis and memcached, as `latest` of July 2023: the application asks for mongo:4.4.6, whose layers are not in the data. deathstarbench/social-network-microservices, jaegertracing/all-in-one, yg397/openresty-thrift and yg397/media-frontend have no layer data: each gets a declared size equal to the median of the snapshot's amd64 images, and shares no layer with others.",
    },
    {
      file: `datasets/topologies/${TOPOLOGY_FILE}`,
      origin: 'Internet Topology Zoo (mroughan/InternetTopologyZoo, graphml/Abilene.graphml, commit a725bbc)',
      licence: 'CC BY 4.0; cite Knight et al., "The Internet Topology Zoo", IEEE JSAC 29(9), 2011',
      use: "The 11 PoPs and 14 links. The edge servers are the sample's: 8 cores, 16 GiB memory, 40 GiB storage, 10 Gbit/s each. So is the one image registry, on the PoP whose worst latency to the others is lowest (Kansas City), where every server pulls from.",
    },
  ],
  buildSteps: 3,
  build(report) {
    report(`Reading ${APP_FILE} and the ${SNAPSHOT} layers`);
    const { app, images, declaredSizeBytes } = describeSocialNetworkImages();

    report(`Reading ${TOPOLOGY_FILE} with the GraphML importer`);
    const topology = readTopologySample(TOPOLOGY_FILE, { serverCpuCores: 8, serverMemoryMiB: 16_384, serverStorageGiB: 40, serverBandwidthMbps: 10_000 });

    const core = findCentralNode(topology);
    if (!core) throw new Error(`${TOPOLOGY_FILE} has no network node to put the registry on`);

    report('Building the catalog and the services');
    const layers = new Map<string, number>();
    for (const image of images) for (const l of image.entry?.layers ?? []) layers.set(l.digest, l.size);
    const keyOf = (ref: string) => {
      const image = images.find((i) => i.ref === ref)!;
      return { repository: image.repository, tag: image.tag, arch: 'amd64' as const };
    };
    const names = new Set(app.services.map((s) => s.service));
    const withData = images.filter((i) => i.entry).map((i) => i.ref);
    const without = images.filter((i) => !i.entry).map((i) => i.ref);
    const document: ScenarioDocumentInput = {
      format: 'edgestack.scenario',
      version: 1,
      scenario: {
        name: this.defaultScenarioName,
        description: `DeathStarBench social network (Apache-2.0) on Abilene (Topology Zoo, CC BY 4.0). Real layers (Docker Hub, July 2023) for ${withData.join(', ')}; declared size ${declaredSizeBytes} bytes (median of the snapshot) for ${without.join(', ')}. Made from the "social-network" sample.`,
      },
      sites: topology.sites,
      edgeServers: topology.edgeServers,
      networkNodes: topology.networkNodes,
      links: topology.links,
      // One registry, on the backbone's central PoP, so that placements can weigh start-up time.
      registries: [{ name: 'dockerhub-mirror', url: 'https://mirror.abilene.example', site: null, attachedTo: { kind: 'networkNode', name: core } }],
      layers: [...layers].map(([digest, sizeBytes]) => ({ digest, sizeBytes })),
      images: images.map((i) => ({
        ...keyOf(i.ref),
        registry: 'dockerhub-mirror',
        manifestDigest: i.entry?.manifest_digest ?? null,
        layers: i.entry ? i.entry.layers.map((l) => l.digest) : [],
        declaredSizeBytes: i.entry ? null : declaredSizeBytes,
      })),
      services: app.services.map((s) => ({
        name: s.service,
        imageRef: s.image,
        image: keyOf(s.image),
        replicas: 1,
        cpuCores: SERVICE_CPU_CORES,
        memoryMiB: SERVICE_MEMORY_MIB,
      })),
      dependencies: app.services.flatMap((s) => s.depends_on.filter((d) => names.has(d)).map((to) => ({ from: s.service, to }))),
    };
    return document;
  },
};
