import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the public datasets live (../shared/datasets next to the checkout on the development
 * machines). They are read in place, never copied into the project. EDGESTACK_DATASETS wins;
 * otherwise the first `shared/datasets` found walking up from the working directory, so a clone
 * anywhere under the workspace finds them; `/work/shared/datasets` is the last resort.
 */
export function locateDatasets(env: Record<string, string | undefined> = process.env, from: string = process.cwd()): string {
  if (env.EDGESTACK_DATASETS) return path.resolve(env.EDGESTACK_DATASETS);
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'datasets');
    if (fs.existsSync(path.join(candidate, 'SOURCES.md'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const fallback = '/work/shared/datasets';
  if (fs.existsSync(fallback)) return fallback;
  throw new Error('The public datasets were not found: set EDGESTACK_DATASETS to the folder that holds SOURCES.md.');
}

export function datasetPath(...parts: string[]): string {
  return path.join(locateDatasets(), ...parts);
}
