#!/usr/bin/env node
// Generates the Prisma client (lib/generated/prisma) from prisma/schema.prisma.
//
// Why the environment variable: on first use the Prisma CLI downloads a native schema engine
// from binaries.prisma.sh, and these machines cannot reach it (`prisma generate` fails with
// ENOTFOUND). `generate` never runs that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file (here: node itself) skips the download and generation works offline.
// Migrations do not use the Prisma CLI at all: see lib/db/migrate.ts.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath },
});
process.exit(result.status ?? 1);
