import path from 'node:path';
import { generateProblem, generateProblemFromImages, type ImageEntry } from '../placement/generate-problem';
import { formatProblemErrors, MAX_PROBLEM_BYTES, parsePlacementProblem } from '../placement/problem-schema';
import { formatJsonSchemaText } from '../formats/format-json-schemas';
import { solveInWorker } from '../placement/solve-in-worker';
import { ALGORITHMS, ENGINES, type AlgorithmName, type EngineChoice } from '../placement/types';
import { decodeUtf8 } from '../importers/decode-utf8';
import { MAX_SOLVE_TIME_LIMIT_SEC } from '../limits/size-limits';
import { appRoot } from '../ops/app-root';
import { readLimited, readTextFile, UsageError as SupportUsageError } from './cli-support';
import type { CliIo } from './main';

const usage = `usage:
  edgestack placement solve FILE|- [--algorithm exact|relax|greedy|kube-default|no-sharing]
                                   [--engine auto|glpk|highs] [--time-limit SECONDS ≤ 86400] [--seed K]
  edgestack placement generate --servers S --containers N --seed K [--capacity-scale F]
                               [--from-images FILE [--snapshot NAME] [--platform OS/ARCH]]
  edgestack placement schema [problem|result]      the JSON Schema of the format (docs/placement-format.md)
  edgestack placement build --scenario NAME [--weights storage=1,startup=…] [--preset P] [--replan]
                                                   the problem a run of the scenario would solve (edgestack placement build --help)
`;

// The command line is never bundled, so its own location reliably finds the worker entry even
// when it is run from another directory.
// From the application's directory, not this module's: the command line runs compiled into one file.
const workerEntry = () => path.join(appRoot(), 'lib', 'placement', 'worker-entry.mjs');

class UsageError extends Error {}

type Flags = { positional: string[]; values: Map<string, string> };

function parseFlags(argv: string[], known: string[]): Flags {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++k];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else positional.push(arg);
  }
  return { positional, values };
}

function numberFlag(flags: Flags, name: string, check: (v: number) => boolean, rule: string): number | undefined {
  const raw = flags.values.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) throw new UsageError(`--${name}: must be ${rule}`);
  return value;
}

/** `edgestack placement …`; returns the exit code (0 whatever the solve status, 2 bad input). */
export async function runPlacementCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'solve') return await runSolve(rest, io);
    if (sub === 'generate') return await runGenerate(rest, io);
    if (sub === 'schema') return runSchema(rest, io);
    // The one placement command that opens the database: it reads the scenario.
    if (sub === 'build') {
      const { buildUsage, runBuild } = await import('./placement-build-command');
      if (rest[0] === '--help' || rest[0] === 'help') {
        io.stderr(buildUsage);
        return 0;
      }
      return await runBuild(rest, io);
    }
    if (sub === undefined || sub === '--help' || sub === 'help') {
      io.stderr(usage);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown placement command "${sub}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`edgestack placement: ${error.message}\n${usage}`);
      return 2;
    }
    // What was read was refused (too large, not UTF-8): one line, no usage.
    if (error instanceof SupportUsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`edgestack placement: unexpected failure: ${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`);
    return 1;
  }
}

function runSchema(argv: string[], io: CliIo): number {
  if (argv.length > 1) throw new UsageError('schema takes at most one argument: problem or result');
  const which = argv[0] ?? 'problem';
  if (which !== 'problem' && which !== 'result') throw new UsageError(`schema: "${which}" is neither problem nor result`);
  io.stdout(formatJsonSchemaText(which === 'problem' ? 'placement-problem' : 'placement-result'));
  return 0;
}

async function runSolve(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, ['algorithm', 'engine', 'time-limit', 'seed']);
  if (flags.positional.length !== 1) throw new UsageError('solve takes exactly one FILE (or - for standard input)');
  const algorithm = flags.values.get('algorithm') ?? 'exact';
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UsageError(`--algorithm: must be one of ${ALGORITHMS.join(', ')}`);
  }
  const engine = flags.values.get('engine') ?? 'auto';
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine: must be one of ${ENGINES.join(', ')}`);
  const timeLimitSec = numberFlag(
    flags,
    'time-limit',
    (v) => v > 0 && v <= MAX_SOLVE_TIME_LIMIT_SEC,
    `a positive number of seconds, at most ${MAX_SOLVE_TIME_LIMIT_SEC} seconds (a day)`,
  );
  const seed = numberFlag(flags, 'seed', (v) => Number.isInteger(v), 'an integer');

  const [file] = flags.positional;
  // Read up to the limit and no further, so a huge file or an endless pipe is never loaded.
  const text = file === '-' ? decodeText(await readLimited(io.stdin(), MAX_PROBLEM_BYTES, 'standard input'), 'standard input') : await readTextFile(file, MAX_PROBLEM_BYTES);
  const parsed = parsePlacementProblem(text);
  if (!parsed.ok) {
    io.stderr(`${formatProblemErrors(parsed.errors)}\n`);
    return 2;
  }

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await solveInWorker(parsed.problem, {
      algorithm: algorithm as AlgorithmName,
      engine: engine as EngineChoice,
      timeLimitSec,
      seed,
      signal: controller.signal,
      workerEntry: process.env.EDGESTACK_PLACEMENT_WORKER ?? workerEntry(),
    });
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, ['servers', 'containers', 'seed', 'capacity-scale', 'from-images', 'snapshot', 'platform']);
  if (flags.positional.length > 0) throw new UsageError(`unexpected argument ${flags.positional[0]}`);
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  const servers = numberFlag(flags, 'servers', positiveInt, 'a positive integer');
  const containers = numberFlag(flags, 'containers', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const seed = numberFlag(flags, 'seed', (v) => Number.isInteger(v), 'an integer');
  const capacityScale = numberFlag(flags, 'capacity-scale', (v) => v > 0, 'a positive number');
  if (servers === undefined || containers === undefined || seed === undefined) {
    throw new UsageError('generate needs --servers, --containers and --seed');
  }
  const options = { servers, containers, seed, capacityScale };
  const imagesFile = flags.values.get('from-images');
  let problem;
  if (imagesFile !== undefined) {
    let entries: ImageEntry[];
    try {
      const parsed: unknown = JSON.parse(await readTextFile(imagesFile, MAX_PROBLEM_BYTES));
      if (!Array.isArray(parsed)) throw new Error('expected a JSON list of image entries');
      entries = parsed as ImageEntry[];
    } catch (error) {
      if (error instanceof SupportUsageError) throw error;
      io.stderr(`${imagesFile}: ${(error as Error).message}\n`);
      return 2;
    }
    try {
      problem = generateProblemFromImages(options, {
        entries,
        snapshot: flags.values.get('snapshot'),
        platform: flags.values.get('platform'),
      });
    } catch (error) {
      io.stderr(`${imagesFile}: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    problem = generateProblem(options);
  }
  io.stdout(`${JSON.stringify(problem, null, 2)}\n`);
  return 0;
}

function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return decodeUtf8(bytes, what);
  } catch (error) {
    throw new SupportUsageError((error as Error).message);
  }
}
