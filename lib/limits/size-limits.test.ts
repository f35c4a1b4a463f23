import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { MAX_BANDWIDTH_MBPS, MAX_BYTES, MAX_CPU_CORES, MAX_LATENCY_MS, MAX_MEMORY_MIB, MAX_REPLICAS } from './size-limits';

test('the database CHECK constraints use the numbers of lib/limits/size-limits.ts', () => {
  const sql = readFileSync(path.join(import.meta.dirname, '..', '..', 'prisma', 'migrations', '20261202220000_size_limits', 'migration.sql'), 'utf8');
  const checks = sql
    .split('\n')
    .filter((l) => l.startsWith('ALTER TABLE'))
    .join('\n');
  expect(checks).toContain(`"replicas" <= ${MAX_REPLICAS}`);
  expect(checks).toContain(`"cpuCores" <= ${MAX_CPU_CORES}`);
  expect(checks).toContain(`"memoryMiB" <= ${MAX_MEMORY_MIB}`);
  expect(checks).toContain(`"bandwidthMbps" <= ${MAX_BANDWIDTH_MBPS}`);
  expect(checks).toContain(`"sizeBytes" <= ${MAX_BYTES}`);
  expect(checks).toContain(`"latencyMs" <= ${MAX_LATENCY_MS}`);
  expect(MAX_MEMORY_MIB).toBeLessThan(2 ** 31);
  expect(MAX_BANDWIDTH_MBPS).toBeLessThan(2 ** 31);
});
