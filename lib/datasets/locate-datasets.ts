import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '@/lib/ops/app-root';

/**
 * The repository's own copy of the public datasets: `datasets/` at the top of the checkout (see
 * its SOURCES.md), under the application's directory (appRoot(): the command line sets it from its
 * own location, so it finds the data wherever it is started from; the server and the tests run
 * from the root). EDGESTACK_DATASETS points at another folder of the same layout (a larger local
 * copy, say).
 */
export const repositoryDatasets = () => path.join(appRoot(), 'datasets');

export function locateDatasets(env: Record<string, string | undefined> = process.env): string {
  if (env.EDGESTACK_DATASETS) return path.resolve(/*turbopackIgnore: true*/ env.EDGESTACK_DATASETS);
  const bundled = repositoryDatasets();
  if (fs.existsSync(path.join(bundled, 'SOURCES.md'))) return bundled;
  throw new Error(`The datasets folder was not found at ${bundled}: restore datasets/ from the repository, or set EDGESTACK_DATASETS to a folder that holds the same layout.`);
}

export function datasetPath(...parts: string[]): string {
  return path.join(/*turbopackIgnore: true*/ locateDatasets(), ...parts);
}
