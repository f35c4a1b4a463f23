import { exportAssignmentsCsv } from '@/lib/exporters/export-assignments-csv';
import { exportPlacementManifests } from '@/lib/exporters/export-placement-manifests';
import { exportScenarioJson } from '@/lib/exporters/export-scenario-json';
import { exportTopologyGraphml } from '@/lib/exporters/export-topology-graphml';
import { findPlacementRun } from '@/lib/exporters/find-placement-run';
import { findScenario } from '@/lib/exporters/find-scenario';
import { parseFlags, reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

export const exportUsage = `usage: edgestack export scenario NAME            the scenario JSON (lossless) on standard output
       edgestack export topology NAME            its network as GraphML on standard output
       edgestack export placement NAME [--run ID] [--format yaml|csv]
                                                 a placement as Kubernetes Deployments (multi-document YAML) or assignments CSV
`;

const WHAT = ['scenario', 'topology', 'placement'] as const;

export async function runExportCommand(argv: string[], io: CliIo): Promise<number> {
  const [what, ...rest] = argv;
  if (what === undefined || what === '--help' || what === 'help') {
    io.stderr(exportUsage);
    return what === undefined ? 2 : 0;
  }
  let flags;
  try {
    if (!(WHAT as readonly string[]).includes(what)) throw new UsageError(`unknown export "${what}" (one of ${WHAT.join(', ')})`);
    flags = parseFlags(rest, what === 'placement' ? ['run', 'format'] : []);
    if (flags.positional.length !== 1) throw new UsageError(`export ${what} takes exactly one scenario NAME`);
    const format = flags.values.get('format') ?? 'yaml';
    if (!['yaml', 'csv'].includes(format)) throw new UsageError('--format: must be yaml or csv');
  } catch (error) {
    const code = reportFailure(io, 'edgestack export', error);
    io.stderr(exportUsage);
    return code;
  }
  const parsed = flags;
  return withDatabase(io, `edgestack export ${what}`, async ({ prisma }) => {
    const scenario = await findScenario(prisma, parsed.positional[0]);
    if (what === 'scenario') {
      const text = await exportScenarioJson(prisma, scenario.id);
      io.stdout(text);
      io.stderr(`exported scenario "${scenario.name}" (${Buffer.byteLength(text)} bytes of JSON)\n`);
    } else if (what === 'topology') {
      const text = await exportTopologyGraphml(prisma, scenario.id);
      io.stdout(text);
      const nodes = (text.match(/<node /g) ?? []).length;
      const edges = (text.match(/<edge /g) ?? []).length;
      io.stderr(`exported the network of "${scenario.name}": ${nodes} nodes, ${edges} edges (GraphML)\n`);
    } else {
      const run = await findPlacementRun(prisma, scenario.id, parsed.values.get('run'));
      const csv = parsed.values.get('format') === 'csv';
      io.stdout(csv ? exportAssignmentsCsv(run) : exportPlacementManifests(run));
      io.stderr(`exported placement run ${run.id} of "${scenario.name}": ${run.assignments.length} replicas as ${csv ? 'CSV' : 'Kubernetes Deployments'}\n`);
    }
    return 0;
  });
}
