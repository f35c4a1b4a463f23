import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { computeControlPlan } from '@/lib/control/compute-control-plan';
import { renderControlBundle } from '@/lib/control/render-control-bundle';
import { buildControlInput, describeControlInputFailure } from '@/lib/control-plans/build-control-input';
import { DomainError } from '@/lib/errors';
import { findScenario } from '@/lib/exporters/find-scenario';
import { parseFlags, reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

export const controlUsage = `usage: edgestack control compile --scenario NAME --out DIR [--optimal]
  Computes the control plan for the scenario's applied placement and writes DIR/routes.json,
  DIR/link-load.csv, DIR/flows/<node>.json (ONOS) and .ofctl (Open vSwitch), DIR/ports.json,
  DIR/addresses.json and DIR/mesh.yaml; prints "N demands routed, U unroutable, O links over
  capacity" on standard error. --optimal routes with the path LP on HiGHS instead of the greedy router.
`;

export async function runControlCommand(argv: string[], io: CliIo): Promise<number> {
  const [what, ...rest] = argv;
  if (what === undefined || what === '--help' || what === 'help') {
    io.stderr(controlUsage);
    return what === undefined ? 2 : 0;
  }
  let flags;
  try {
    if (what !== 'compile') throw new UsageError(`unknown control command "${what}" (one of compile)`);
    flags = parseFlags(rest, ['scenario', 'out'], ['optimal']);
    if (flags.positional.length) throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
    if (!flags.values.get('scenario')?.trim()) throw new UsageError('--scenario NAME is required');
    if (!flags.values.get('out')?.trim()) throw new UsageError('--out DIR is required: the directory to write the files into');
  } catch (error) {
    const code = reportFailure(io, 'edgestack control', error);
    io.stderr(controlUsage);
    return code;
  }
  const parsed = flags;
  return withDatabase(io, 'edgestack control compile', async ({ prisma }) => {
    const scenario = await findScenario(prisma, parsed.values.get('scenario')!);
    const built = await buildControlInput(prisma, scenario.id);
    if (!built.ok) throw new DomainError('INVALID_INPUT', `"${scenario.name}": ${describeControlInputFailure(built)}`);
    const plan = await computeControlPlan(built.input, { optimal: parsed.switches.has('optimal') });
    const bundle = renderControlBundle(plan);
    const out = path.resolve(parsed.values.get('out')!);
    for (const file of bundle.files) {
      const target = path.resolve(out, file.path);
      // Node names become file names: none may write outside DIR.
      if (!target.startsWith(out + path.sep)) throw new DomainError('INVALID_INPUT', `refusing to write ${file.path} outside ${out}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    io.stderr(`${bundle.summaryLine}\n`);
    return 0;
  });
}
