// Types for bin/cli-bundle.js, plain JavaScript so that it runs before TypeScript can be loaded.

/** The path of a current build of the command line, building it first if needed; `onBuild` is
 * called before a build starts. */
export function ensureCliBundle(root: string, options?: { onBuild?: () => void }): Promise<string>;
