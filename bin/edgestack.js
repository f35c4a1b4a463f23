#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx (a runtime dependency) registers a loader so the
// command line runs the same sources as the app, right after `npm ci`, with no build step.
// Everything is found from this file's location, not the working directory: people run
// `edgestack` from wherever their files are.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { setAppRoot } = await import('../lib/ops/app-root.ts');
setAppRoot(root);
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
