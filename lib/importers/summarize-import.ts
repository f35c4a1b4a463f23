import type { ImportResult } from './write-import-plan';

const LABELS: Record<string, [string, string]> = {
  sites: ['site', 'sites'],
  edgeServers: ['edge server', 'edge servers'],
  networkNodes: ['network node', 'network nodes'],
  links: ['link', 'links'],
  layers: ['layer', 'layers'],
  images: ['image', 'images'],
  services: ['service', 'services'],
  dependencies: ['dependency', 'dependencies'],
  cachedLayers: ['cached layer', 'cached layers'],
};

const plural = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Kdl: 754 network nodes, 899 links created; 2 self-loops skipped" — one line for stderr or a toast. */
export function summarizeImport(result: ImportResult): string {
  const parts: string[] = [];
  for (const [kind, c] of Object.entries(result.counts)) {
    const label = LABELS[kind];
    const bits: string[] = [];
    if (c.created) bits.push(`${plural(c.created, label)} created`);
    if (c.updated) bits.push(`${plural(c.updated, label)} updated`);
    if (c.unchanged) bits.push(`${plural(c.unchanged, label)} already there`);
    if (bits.length) parts.push(bits.join(', '));
  }
  if (result.stats.selfLoopsSkipped) parts.push(`${result.stats.selfLoopsSkipped} self-loop${result.stats.selfLoopsSkipped === 1 ? '' : 's'} skipped`);
  if (result.stats.parallelEdges) parts.push(`${result.stats.parallelEdges} parallel edge${result.stats.parallelEdges === 1 ? '' : 's'} kept`);
  if (result.stats.skipped) parts.push(`${result.stats.skipped} skipped`);
  if (result.imagesWithoutLayerData.length) parts.push(`${result.imagesWithoutLayerData.length} image${result.imagesWithoutLayerData.length === 1 ? '' : 's'} without layer data`);
  const what = parts.length ? parts.join('; ') : 'nothing to import';
  return `${result.dryRun ? 'would import into' : 'imported into'} "${result.scenario.name}"${result.scenario.created ? ' (new scenario)' : ''}: ${what}`;
}
