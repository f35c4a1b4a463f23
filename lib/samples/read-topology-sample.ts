import fs from 'node:fs';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { parseGraphml } from '@/lib/importers/topology/parse-graphml';
import { planTopologyImport, type TopologyOptions } from '@/lib/importers/topology/plan-topology-import';
import { importPlanToDocument } from './import-plan-to-document';

/**
 * A Topology Zoo network through the project's own GraphML importer, every PoP becoming a site
 * with its router and an edge server joined by a local link: the same result as
 * `edgestack import topology FILE --nodes-become both`.
 */
export function readTopologySample(file: string, server: Partial<TopologyOptions>) {
  const graph = parseGraphml(fs.readFileSync(datasetPath('topologies', file), 'utf8'));
  const plan = planTopologyImport(graph, { nodesBecome: 'both', ...server });
  return { network: graph.name, notes: plan.notes, ...importPlanToDocument(plan) };
}
