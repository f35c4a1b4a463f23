#!/usr/bin/env node
// The command line. It runs compiled into one file (bin/cli-bundle.js builds it on first use
// and whenever a source changes); if that cannot be done, it runs the TypeScript sources through
// tsx, as the app's own tooling does. Everything is found from this file's location, not the
// working directory: people run `edgestack` from wherever their files are.
import path from 'node:path';
import v8 from 'node:v8';
import { pathToFileURL, fileURLToPath } from 'node:url';

// Prisma's query compiler is a large WebAssembly module of which a command uses little:
// compiling each function on its first call instead of all at start-up saves most of a second.
v8.setFlagsFromString('--wasm-lazy-compilation');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadCli() {
  if (process.env.EDGESTACK_CLI_FROM_SOURCES !== '1') {
    try {
      const { ensureCliBundle } = await import('./cli-bundle.js');
      return await import(pathToFileURL(await ensureCliBundle(root)).href);
    } catch (error) {
      process.stderr.write(`[edgestack] could not compile the command line (${error.message.split('\n')[0]}); running from the sources instead\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  return import('../lib/cli/entry.ts');
}

const { main, setAppRoot } = await loadCli();
setAppRoot(root);
process.exitCode = await main(process.argv.slice(2));
