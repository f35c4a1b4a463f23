#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx (a runtime dependency) registers a loader so the
// command line runs the same sources as the app, right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
