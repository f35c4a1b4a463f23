// Real files each importer accepts, for the hostile-input property tests: the importers' own
// fixtures and small slices of the public datasets in `datasets/`. Test support only.
import fs from 'node:fs';
import path from 'node:path';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import type { ImportKind } from './import-plan';

export type ImporterSample = { kind: ImportKind; fileName: string; text: string; options?: Record<string, unknown> };

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const firstLines = (text: string, n: number) => text.split('\n').slice(0, n).join('\n') + '\n';

export function importerSamples(): ImporterSample[] {
  const layers = JSON.parse(fs.readFileSync(datasetPath('images', 'layers.json'), 'utf8')) as unknown[];
  return [
    { kind: 'topology', fileName: 'small-zoo.gml', text: fixture('small-zoo.gml') },
    { kind: 'topology', fileName: 'Abilene.graphml', text: fs.readFileSync(datasetPath('topologies', 'Abilene.graphml'), 'utf8') },
    { kind: 'images', fileName: 'manifest.json', text: fixture('docker-manifest-inspect-v.json') },
    { kind: 'images', fileName: 'oci-index.json', text: fixture('oci-index.json'), options: { reference: 'nginx:1.27' } },
    { kind: 'images', fileName: 'layers.json', text: JSON.stringify(layers.slice(0, 4), null, 1) },
    { kind: 'services', fileName: 'boutique.yaml', text: fixture('boutique.yaml') },
    { kind: 'services', fileName: 'compose.yml', text: fixture('hotel-compose.yml') },
    { kind: 'sites', fileName: 'sites.csv', text: firstLines(fs.readFileSync(datasetPath('eua', 'site-optus-melbCBD.csv'), 'utf8'), 12) },
    { kind: 'nodes', fileName: 'nodes.yaml', text: fixture('nodes.yaml') },
    { kind: 'nodes', fileName: 'nodes.json', text: fixture('nodes.json') },
    { kind: 'nodes', fileName: 'inventory.csv', text: fixture('inventory.csv') },
  ];
}
