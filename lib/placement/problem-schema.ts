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

const containerV2Schema = containerSchema.extend({ service: id().optional() });

const weightsSchema = z
  .strictObject({
    storage: amount(),
    startup: amount(),
    traffic: amount(),
    moves: amount(),
  })
  .refine((w) => w.storage + w.startup + w.traffic + w.moves > 0, 'at least one weight must be > 0');

const networkSchema = z.strictObject({
  registries: z.array(z.strictObject({ id: id() })),
  pulls: z.array(
    z.strictObject({
      server: id(),
      registry: id(),
      bandwidthMbps: finite().gt(0, 'must be > 0'),
      latencyMs: amount(),
      path: z.array(z.string()).optional(),
    }),
  ),
  latencies: z.array(z.strictObject({ a: id(), b: id(), latencyMs: amount() })),
});

const dependencySchema = z.strictObject({
  from: id(),
  to: id(),
  trafficMbps: amount(),
  via: z.array(id()).optional(),
});

const currentSchema = z.strictObject({
  assignment: z.record(z.string(), z.string()),
  movePenaltyBytes: amount(),
});

const objectiveSchema = z.enum(['storage', 'download'], { error: 'must be "storage" or "download"' }).default('storage');

const problemV1Schema = z.strictObject({
  version: z.literal(1),
  objective: objectiveSchema,
  layers: z.array(layerSchema),
  servers: z.array(serverSchema).min(1, 'must list at least one server'),
  containers: z.array(containerSchema),
  policies: z.array(policySchema).default([]),
});

const problemV2Schema = z.strictObject({
  version: z.literal(2),
  objective: objectiveSchema,
  layers: z.array(layerSchema),
  servers: z.array(serverSchema).min(1, 'must list at least one server'),
  containers: z.array(containerV2Schema),
  policies: z.array(policySchema).default([]),
  weights: weightsSchema.optional(),
  network: networkSchema.optional(),
  dependencies: z.array(dependencySchema).optional(),
  current: currentSchema.optional(),
});

type ParsedProblem = z.infer<typeof problemV1Schema> | z.infer<typeof problemV2Schema>;
type Report = (path: (string | number)[], message: string) => void;

export const placementProblemSchema = z
  .discriminatedUnion('version', [problemV1Schema, problemV2Schema], {
    error: 'must be 1 or 2 (this engine reads PlacementProblem v1 and v2)',
  })
  .superRefine((problem, ctx) => {
    const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    const servers = checkReferences(problem, report);
    if (problem.version === 2) checkVersionTwo(problem, servers, report);
  });

function checkReferences(problem: ParsedProblem, report: Report) {
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
  return servers;
}

/** The cross-references of the network, dependency, current-placement and weight sections. */
function checkVersionTwo(problem: z.infer<typeof problemV2Schema>, servers: Map<string, number>, report: Report) {
  const { network, dependencies, weights } = problem;
  if (network) {
    const registries = firstIndexById(
      network.registries.map((r) => r.id),
      (i) => report(['network', 'registries', i, 'id'], 'duplicate id'),
    );
    const pairs = new Set<string>();
    network.pulls.forEach((pull, i) => {
      if (!servers.has(pull.server)) report(['network', 'pulls', i, 'server'], 'unknown server');
      if (!registries.has(pull.registry)) report(['network', 'pulls', i, 'registry'], 'unknown registry');
      const key = `${pull.server}\u0000${pull.registry}`;
      if (pairs.has(key)) report(['network', 'pulls', i], 'this server and registry are listed twice');
      pairs.add(key);
    });
    const links = new Set<string>();
    network.latencies.forEach((latency, i) => {
      if (!servers.has(latency.a)) report(['network', 'latencies', i, 'a'], 'unknown server');
      if (!servers.has(latency.b)) report(['network', 'latencies', i, 'b'], 'unknown server');
      if (latency.a === latency.b) report(['network', 'latencies', i, 'b'], 'a server is 0 ms from itself; list pairs of two servers');
      const key = [latency.a, latency.b].sort().join('\u0000');
      if (links.has(key)) report(['network', 'latencies', i], 'this pair of servers is listed twice');
      links.add(key);
    });
  }

  if (dependencies) {
    const services = new Set(problem.containers.flatMap((c) => (c.service === undefined ? [] : [c.service])));
    const seen = new Set<string>();
    dependencies.forEach((dependency, i) => {
      if (!services.has(dependency.from)) report(['dependencies', i, 'from'], 'no container is a replica of this service');
      if (!services.has(dependency.to)) report(['dependencies', i, 'to'], 'no container is a replica of this service');
      if (dependency.from === dependency.to) report(['dependencies', i, 'to'], 'a service cannot depend on itself');
      const key = `${dependency.from}\u0000${dependency.to}`;
      if (seen.has(key)) report(['dependencies', i], 'this dependency is listed twice');
      seen.add(key);
      dependency.via?.forEach((server, k) => {
        if (!servers.has(server)) report(['dependencies', i, 'via', k], 'unknown server');
      });
    });
  }
  // Entries of `current` may name containers and servers that are gone: that is what re-planning is for.

  if (weights) {
    if (weights.startup > 0 && !network) report(['weights', 'startup'], 'is > 0 but the problem has no network section');
    if (weights.traffic > 0 && !(network && dependencies)) report(['weights', 'traffic'], 'is > 0 but the problem lacks a network section or dependencies');
    if (weights.moves > 0 && !problem.current) report(['weights', 'moves'], 'is > 0 but the problem has no current placement');
  }
}

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
