import { listScenarios } from '@/lib/scenarios/list-scenarios';
import { reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

/** `edgestack scenarios`: one line per scenario (tab-separated: name, then counts), `--json` for a list. */
export async function runScenariosCommand(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const extra = argv.filter((a) => a !== '--json');
  if (extra.length) return reportFailure(io, 'edgestack scenarios', new UsageError(`unexpected argument ${extra[0]} (usage: edgestack scenarios [--json])`));
  return withDatabase(io, 'edgestack scenarios', async (database) => {
    const scenarios = await listScenarios(database.prisma);
    if (json) io.stdout(`${JSON.stringify(scenarios, null, 2)}\n`);
    else {
      for (const s of scenarios) {
        const c = s.counts;
        io.stdout(
          `${s.name}\t${c.edgeServers} edge servers\t${c.networkNodes} network nodes\t${c.links} links\t${c.images} images\t${c.services} services\tupdated ${s.updatedAt}\n`,
        );
      }
    }
    io.stderr(`${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} in ${database.location}\n`);
    return 0;
  });
}
