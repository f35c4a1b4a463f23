import { describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { OBJECTIVE_PRESETS, objectiveWeightsSchema, type ObjectivePreset } from '@/lib/placement-runs/objective-weights';
import { resolveObjective } from '@/lib/placement-runs/resolve-objective';
import { findScenario } from '@/lib/exporters/find-scenario';
import type { ObjectiveWeights } from '@/lib/placement/types';
import { parseFlags, reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

export const buildUsage = `usage: edgestack placement build --scenario NAME [--weights storage=1,startup=R,traffic=R,moves=R | --preset P]
                                [--replan] [--objective storage|download]
  writes the PlacementProblem a run of the scenario would solve (docs/placement-format.md) on standard output.
  --weights  exchange rates into bytes: storage (× bytes), startup (bytes per second), traffic (bytes per
             Mbit/s·ms), moves (× bytes pulled for moves); unnamed ones are 0, storage 1
  --preset   ${OBJECTIVE_PRESETS.join(', ')}: weights measured on the scenario (Kubernetes' default placement)
  --replan   against the applied placement, counting moves (moves weight 1 unless given)
  Weights, a preset other than storage, or --replan give a version-2 problem with the network section.
`;

const WEIGHT_NAMES = ['storage', 'startup', 'traffic', 'moves'] as const;

/** `storage=1,startup=2.5e8`: the named weights; storage 1 and the rest 0 unless named. */
export function parseWeightsFlag(text: string, replan: boolean): ObjectiveWeights {
  const raw: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const [name, value] = part.split('=', 2);
    if (!(WEIGHT_NAMES as readonly string[]).includes(name) || value === undefined || value.trim() === '') {
      throw new UsageError(`--weights: "${part}" is not NAME=NUMBER with NAME one of ${WEIGHT_NAMES.join(', ')}`);
    }
    if (name in raw) throw new UsageError(`--weights: ${name} is given twice`);
    raw[name] = value.trim();
  }
  const parsed = objectiveWeightsSchema.safeParse({ storage: raw.storage ?? 1, startup: raw.startup ?? 0, traffic: raw.traffic ?? 0, moves: raw.moves ?? (replan ? 1 : 0) });
  if (!parsed.success) throw new UsageError(`--weights: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'weights'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** `edgestack placement build`: exit 0 with the problem on standard output, 2 with the reason. */
export async function runBuild(argv: string[], io: CliIo): Promise<number> {
  let request: { scenario: string; objective: 'storage' | 'download'; preset?: ObjectivePreset; weights?: ObjectiveWeights; replan: boolean };
  try {
    const flags = parseFlags(argv, ['scenario', 'weights', 'preset', 'objective'], ['replan']);
    if (flags.positional.length) throw new UsageError(`unexpected argument ${flags.positional[0]}`);
    const scenario = flags.values.get('scenario');
    if (!scenario) throw new UsageError('build needs --scenario NAME');
    const objective = flags.values.get('objective') ?? 'storage';
    if (objective !== 'storage' && objective !== 'download') throw new UsageError('--objective: must be storage or download');
    const preset = flags.values.get('preset');
    if (preset !== undefined && !(OBJECTIVE_PRESETS as readonly string[]).includes(preset)) throw new UsageError(`--preset: must be one of ${OBJECTIVE_PRESETS.join(', ')}`);
    const weightsText = flags.values.get('weights');
    if (preset !== undefined && weightsText !== undefined) throw new UsageError('give --weights or --preset, not both');
    const replan = flags.switches.has('replan');
    request = {
      scenario,
      objective,
      preset: preset as ObjectivePreset | undefined,
      weights: weightsText === undefined ? undefined : parseWeightsFlag(weightsText, replan),
      replan,
    };
  } catch (error) {
    const code = reportFailure(io, 'edgestack placement build', error);
    io.stderr(buildUsage);
    return code;
  }
  return withDatabase(io, 'edgestack placement build', async ({ prisma }) => {
    const scenario = await findScenario(prisma, request.scenario);
    const resolved = await resolveObjective(prisma, scenario.id, request.objective, request);
    if (!resolved.ok) throw new UsageError('built' in resolved ? describeBuildFailure(resolved.built) : resolved.message);
    const { problem } = resolved.built;
    io.stdout(`${JSON.stringify(problem, null, 2)}\n`);
    const network = problem.network
      ? `; network: ${problem.network.registries.length} registries, ${problem.network.pulls.length} pull paths, ${problem.network.latencies.length} server pairs; ${problem.dependencies?.length ?? 0} dependencies`
      : '';
    const current = problem.current ? `; re-plan of ${Object.keys(problem.current.assignment).length} placed replicas` : '';
    io.stderr(
      `built the placement problem of "${scenario.name}": version ${problem.version}, ${problem.containers.length} containers on ${problem.servers.length} edge servers${network}${current}\n`,
    );
    return 0;
  });
}
