import { readTopologySample } from './read-topology-sample';
import type { Sample } from './sample-types';

const FILE = 'Geant2012.graphml';

export const geantSample: Sample = {
  name: 'geant',
  title: 'GÉANT 2012 with an edge server at every PoP',
  summary:
    'The pan-European research network as the Internet Topology Zoo recorded it in 2012: 40 points of presence and 61 links. Each PoP becomes a site with its router and one edge server; link speeds come from the file, latencies from the distance between PoPs.',
  defaultScenarioName: 'GÉANT edge',
  sources: [
    {
      file: `datasets/topologies/${FILE}`,
      origin: 'Internet Topology Zoo (mroughan/InternetTopologyZoo, graphml/Geant2012.graphml, commit a725bbc)',
      licence: 'CC BY 4.0; cite Knight et al., "The Internet Topology Zoo", IEEE JSAC 29(9), 2011',
      use: "PoPs, their coordinates and country, links and their labelled speeds. The edge servers are not in the data: each has the importer's default size (16 cores, 64 GiB memory, 500 GiB storage, 10 Gbit/s).",
    },
  ],
  buildSteps: 1,
  build(report) {
    report(`Reading ${FILE} with the GraphML importer`);
    const topology = readTopologySample(FILE, {});
    return {
      format: 'edgestack.scenario',
      version: 1,
      scenario: {
        name: this.defaultScenarioName,
        description: `${topology.network ?? 'GÉANT'} (Internet Topology Zoo, CC BY 4.0) with an edge server at each of its ${topology.sites?.length} PoPs. Made from the "geant" sample.`,
      },
      sites: topology.sites,
      edgeServers: topology.edgeServers,
      networkNodes: topology.networkNodes,
      links: topology.links,
    };
  },
};
