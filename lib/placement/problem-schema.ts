import { z } from 'zod';
import type { PlacementProblem } from './types';

/** Inputs above this are refused before JSON parsing, so a huge upload cannot stall the process. */
export const MAX_PROBLEM_BYTES = 50 * 1024 * 1024;

// Go's GOARCH names; anything else (e.g. "linux/arm64/v8", "x86_64") is an importer mistake.
const GO_ARCHES = ['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'wasm'] as const;

const finite = () => z.number({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a finite number') });
const amount = () => finite().min(0, 'must be ≥ 0');
const id = () => z.string({ error: 'must be a string' }).min(1, 'must not be empty');
const arch = () => z.enum(GO_ARCHES, { error: `must be a Go architecture name (${GO_ARCHES.join(', ')})` });

const layerSchema = z.strictObject({
  digest: id(),
  size: amount().int('must be an integer number of bytes'),
});

const serverSchema = z.strictObject({
  id: id(),
  site: id().optional(),
  storage: amount(),
  cpu: amount(),
  memory: amount(),
  bandwidth: amount(),
  arch: arch().optional(),
  accelerators: z.array(id()).optional(),
  cachedLayers: z.array(id()).optional(),
});

const containerSchema = z.strictObject({
  id: id(),
  image: z.string().optional(),
  layers: z.array(id()),
  cpu: amount(),
  memory: amount(),
  bandwidth: amount(),
  arch: arch().optional(),
  accelerator: id().optional(),
});

const containerList = () => z.array(id()).min(1, 'must name at least one container');

const policySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('anti-affinity'), containers: containerList() }),
    z.strictObject({ type: z.literal('affinity'), containers: containerList() }),
    z.strictObject({
      type: z.literal('pin'),
      container: id(),
      servers: z.array(id()).min(1, 'must name at least one server'),
    }),
    z.strictObject({ type: z.literal('spread'), containers: containerList() }),
    z.strictObject({
      type: z.literal('max-utilisation'),
      fraction: finite().gt(0, 'must be > 0').max(1, 'must be ≤ 1'),
      servers: z.array(id()).optional(),
    }),
  ],
  { error: 'unknown policy type (expected anti-affinity, affinity, pin, spread or max-utilisation)' },
);

export const placementProblemSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1 (this engine reads PlacementProblem v1)' }),
    objective: z.enum(['storage', 'download'], { error: 'must be "storage" or "download"' }).default('storage'),
    layers: z.array(layerSchema),
    servers: z.array(serverSchema).min(1, 'must list at least one server'),
    containers: z.array(containerSchema),
    policies: z.array(policySchema).default([]),
  })
  .superRefine((problem, ctx) => {
    const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    const digests = firstIndexById(
      problem.layers.map((l) => l.digest),
      (i) => report(['layers', i, 'digest'], 'duplicate digest'),
    );
    const servers = firstIndexById(
      problem.servers.map((s) => s.id),
      (i) => report(['servers', i, 'id'], 'duplicate id'),
    );
    const containers = firstIndexById(
      problem.containers.map((c) => c.id),
      (i) => report(['containers', i, 'id'], 'duplicate id'),
    );

    problem.servers.forEach((s, i) =>
      s.cachedLayers?.forEach((d, k) => {
        if (!digests.has(d)) report(['servers', i, 'cachedLayers', k], 'unknown digest');
      }),
    );
    problem.containers.forEach((c, i) =>
      c.layers.forEach((d, k) => {
        if (!digests.has(d)) report(['containers', i, 'layers', k], 'unknown digest');
      }),
    );

    const checkContainers = (p: number, list: string[]) => {
      const seen = new Set<string>();
      list.forEach((c, k) => {
        if (!containers.has(c)) report(['policies', p, 'containers', k], 'unknown container');
        else if (seen.has(c)) report(['policies', p, 'containers', k], 'container listed twice');
        seen.add(c);
      });
    };
    const checkServers = (p: number, list: string[]) =>
      list.forEach((s, k) => {
        if (!servers.has(s)) report(['policies', p, 'servers', k], 'unknown server');
      });

    problem.policies.forEach((policy, p) => {
      switch (policy.type) {
        case 'pin':
          if (!containers.has(policy.container)) report(['policies', p, 'container'], 'unknown container');
          checkServers(p, policy.servers);
          break;
        case 'max-utilisation':
          if (policy.servers) checkServers(p, policy.servers);
          break;
        default:
          checkContainers(p, policy.containers);
      }
    });
  });

function firstIndexById(ids: string[], onDuplicate: (index: number) => void): Map<string, number> {
  const seen = new Map<string, number>();
  ids.forEach((value, index) => {
    if (seen.has(value)) onDuplicate(index);
    else seen.set(value, index);
  });
  return seen;
}

export type ProblemError = { path: string; message: string };
export type ParseProblemResult = { ok: true; problem: PlacementProblem } | { ok: false; errors: ProblemError[] };

/** `containers[4].layers[2]` — the form a planner can find in their file. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(root)' : text;
}

/**
 * Validates a problem given as JSON text (size-checked before parsing) or as an already-parsed
 * value. Invalid input is a value, not an exception, so callers can show every error at once.
 */
export function parsePlacementProblem(input: unknown): ParseProblemResult {
  let value = input;
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > MAX_PROBLEM_BYTES) {
      return { ok: false, errors: [{ path: '(root)', message: `input is ${bytes} bytes; the limit is ${MAX_PROBLEM_BYTES} (50 MiB)` }] };
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = placementProblemSchema.safeParse(value);
  if (parsed.success) return { ok: true, problem: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  };
}

export function formatProblemErrors(errors: ProblemError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
