import { createSample } from '@/lib/samples/create-sample';
import { findSample, summarizeSamples } from '@/lib/samples/sample-registry';
import { parseFlags, reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

const usage = `usage:
  edgestack samples list [--json]                 the gallery: each sample and where its data came from
  edgestack samples create NAME [--scenario NAME]  build the sample as a new scenario in one step
`;

/** `edgestack samples …`: list needs no database; create writes one scenario. */
export async function runSamplesCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const prefix = 'edgestack samples';
  try {
    if (sub === 'list') return listSamples(rest, io);
    if (sub === 'create') return await createSampleCommand(rest, io);
    if (sub === undefined || sub === '--help' || sub === 'help') {
      io.stderr(usage);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown samples command "${sub}"\n${usage}`);
  } catch (error) {
    return reportFailure(io, prefix, error);
  }
}

function listSamples(argv: string[], io: CliIo): number {
  const flags = parseFlags(argv, [], ['json']);
  if (flags.positional.length) throw new UsageError(`unexpected argument ${flags.positional[0]}`);
  const samples = summarizeSamples();
  if (flags.switches.has('json')) {
    io.stdout(`${JSON.stringify(samples, null, 2)}\n`);
    return 0;
  }
  for (const s of samples) {
    io.stdout(`${s.name}\t${s.title}\n  ${s.summary}\n`);
    for (const source of s.sources) io.stdout(`  data: ${source.file} — ${source.origin} (${source.licence}). ${source.use}\n`);
  }
  return 0;
}

async function createSampleCommand(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, ['scenario']);
  if (flags.positional.length !== 1) throw new UsageError('create takes exactly one sample NAME (edgestack samples list shows them)');
  // An unknown name is refused before the database is opened (a first open creates it).
  findSample(flags.positional[0]);
  return withDatabase(io, 'edgestack samples create', async (database) => {
    const created = await createSample(database.prisma, flags.positional[0], {
      scenarioName: flags.values.get('scenario'),
      onProgress: (p) => io.stderr(`[${p.done + 1}/${p.total}] ${p.label}\n`),
    });
    const c = created.counts;
    io.stdout(`${created.name}\n`);
    io.stderr(
      `created scenario "${created.name}": ${c.sites} sites, ${c.edgeServers} edge servers, ${c.networkNodes} network nodes, ${c.links} links, ${c.images} images, ${c.services} services in ${database.location}\n`,
    );
    return 0;
  });
}
