import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's own copy of the public datasets: `datasets/` at the top of the checkout (see
 * its SOURCES.md). It is found from this module's location rather than the working directory,
 * so the command line, the tests and the server find it wherever they are started from.
 * EDGESTACK_DATASETS points at another folder of the same layout (a larger local copy, say).
 */
export const REPOSITORY_DATASETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'datasets');

export function locateDatasets(env: Record<string, string | undefined> = process.env): string {
  if (env.EDGESTACK_DATASETS) return path.resolve(env.EDGESTACK_DATASETS);
  if (fs.existsSync(path.join(REPOSITORY_DATASETS, 'SOURCES.md'))) return REPOSITORY_DATASETS;
  throw new Error(`The datasets folder was not found at ${REPOSITORY_DATASETS}: restore datasets/ from the repository, or set EDGESTACK_DATASETS to a folder that holds the same layout.`);
}

export function datasetPath(...parts: string[]): string {
  return path.join(locateDatasets(), ...parts);
}
