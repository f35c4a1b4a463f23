import { parseMappingOption } from '@/lib/importers/csv/column-mapping';
import { imageOptionsSchema } from '@/lib/importers/images/plan-images-import';
import { IMPORT_KINDS, type ImportKind } from '@/lib/importers/import-plan';
import { nodeOptionsSchema } from '@/lib/importers/nodes/plan-nodes-import';
import { runImport } from '@/lib/importers/plan-import';
import { serviceOptionsSchema } from '@/lib/importers/services/plan-services-import';
import { siteOptionsSchema } from '@/lib/importers/sites/plan-sites-import';
import { summarizeImport } from '@/lib/importers/summarize-import';
import { topologyOptionsSchema } from '@/lib/importers/topology/plan-topology-import';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { DomainError } from '@/lib/errors';
import { decodeUtf8 } from '@/lib/importers/decode-utf8';
import { camel, kebab, parseFlags, readImportFile, reportFailure, UsageError, withDatabase } from './cli-support';
import type { CliIo } from './main';

const OPTION_SCHEMAS = {
  topology: topologyOptionsSchema,
  images: imageOptionsSchema,
  services: serviceOptionsSchema,
  sites: siteOptionsSchema,
  nodes: nodeOptionsSchema,
} as const;

function optionNames(kind: ImportKind): string[] {
  const names = Object.keys(OPTION_SCHEMAS[kind].shape)
    .filter((k) => k !== 'columns')
    .map(kebab);
  if (kind === 'images') names.splice(names.indexOf('reference'), 1, 'image');
  if (kind === 'sites' || kind === 'nodes') names.push('map');
  return names;
}

export const importUsage = `usage: edgestack import scenario FILE [--name NAME]
  scenario  the scenario document that \`edgestack export scenario\` writes (applied placement and control plan
            included) as a new scenario, named as in the document unless --name says otherwise
usage: edgestack import topology|images|services|sites|nodes FILE --scenario NAME [options] [--dry-run] [--verbose]
  topology  GraphML or Topology Zoo GML; without options every node becomes a network node, every edge a link
            [--nodes-become network|edge|both] [--node-kind router|switch|…] [--link-bandwidth-mbps N] [--link-latency-ms N]
            [--parse-bandwidth false] [--geo-latency false] [--server-cpu-cores N] [--server-memory-mib N] [--name-prefix P]
  images    OCI manifest/index, docker manifest inspect -v output, or a layers.json bulk list
            [--image REF (for a bare manifest or index)] [--arch amd64|arm64|…] [--snapshot NAME] [--platform OS/ARCH]
  services  Kubernetes manifests (multi-document YAML) or a docker-compose file
            [--default-cpu-cores N] [--default-memory-mib N] [--limits-as-requests false]
  sites     CSV of edge sites [--map name=COL,latitude=COL,longitude=COL,provider=COL,region=COL] [--edge-server-per-site true]
  nodes     Kubernetes NodeList (yaml or json) or a CSV inventory [--map name=COL,cpu=COL,memory=COL,…] [--default-bandwidth-mbps N]
The scenario is created if it does not exist. One summary line goes to standard error (--verbose adds notes and
the images without layer data); --dry-run reports what would happen and writes nothing.
`;

export async function runImportCommand(argv: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined || kind === '--help' || kind === 'help') {
    io.stderr(importUsage);
    return kind === undefined ? 2 : 0;
  }
  if (kind === 'scenario') return runImportScenario(rest, io);
  let parsed;
  try {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown import kind "${kind}" (one of ${IMPORT_KINDS.join(', ')})`);
    parsed = parseFlags(rest, ['scenario', ...optionNames(kind as ImportKind)], ['dry-run', 'verbose']);
    if (parsed.positional.length !== 1) throw new UsageError(`import ${kind} takes exactly one FILE`);
    if (!parsed.values.get('scenario')?.trim()) throw new UsageError('--scenario NAME is required');
  } catch (error) {
    const code = reportFailure(io, 'edgestack import', error);
    io.stderr(importUsage);
    return code;
  }
  const flags = parsed;
  const file = flags.positional[0];
  return withDatabase(io, `edgestack import ${kind}`, async (database) => {
    const content = await readImportFile(file);
    const options: Record<string, unknown> = {};
    for (const [name, value] of flags.values) {
      if (name === 'scenario') continue;
      if (name === 'map') options.columns = parseMappingOption(value);
      else if (name === 'image') options.reference = value;
      else options[camel(name)] = value;
    }
    const result = await runImport(
      database.prisma,
      { scenarioName: flags.values.get('scenario')!, createIfMissing: true },
      { kind: kind as ImportKind, content, fileName: file, options },
      { dryRun: flags.switches.has('dry-run') },
    );
    io.stderr(`${file}: ${summarizeImport(result)}\n`);
    if (!flags.switches.has('verbose')) return 0;
    for (const note of result.notes) io.stderr(`  note: ${note}\n`);
    if (result.imagesWithoutLayerData.length) {
      io.stderr(
        `  images without layer data (placement needs their manifests or a declared size): ${result.imagesWithoutLayerData.map((i) => `${i.reference} (${i.arch})`).join(', ')}\n`,
      );
    }
    return 0;
  });
}

async function runImportScenario(argv: string[], io: CliIo): Promise<number> {
  let flags;
  try {
    flags = parseFlags(argv, ['name']);
    if (flags.positional.length !== 1) throw new UsageError('import scenario takes exactly one FILE');
    if (flags.values.has('name') && !flags.values.get('name')!.trim()) throw new UsageError('--name must not be empty');
  } catch (error) {
    const code = reportFailure(io, 'edgestack import', error);
    io.stderr(importUsage);
    return code;
  }
  const file = flags.positional[0];
  const name = flags.values.get('name');
  return withDatabase(io, 'edgestack import scenario', async ({ prisma }) => {
    const parsed = parseScenarioDocument(decodeUtf8(await readImportFile(file), file));
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 5).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
      const more = parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : '';
      throw new DomainError('INVALID_DOCUMENT', `${file} is not a scenario document: ${shown.join('; ')}${more}`);
    }
    const doc = parsed.document;
    const created = await importScenarioDocument(prisma, doc, { name }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NAME_TAKEN') throw new DomainError('NAME_TAKEN', `${error.message} Import it under another name with --name NAME.`);
      throw error;
    });
    const artifacts = await prisma.controlArtifact.count({ where: { scenarioId: created.id } });
    const parts = [
      `${doc.edgeServers.length} edge servers`,
      `${doc.networkNodes.length} network nodes`,
      `${doc.links.length} links`,
      `${doc.services.length} services`,
      `${doc.placementRuns.length} placement runs${doc.appliedRun !== null ? ' (one applied)' : ''}`,
      `${artifacts} control artifact versions`,
    ];
    io.stderr(`${file}: imported scenario "${created.name}": ${parts.join(', ')}\n`);
    return 0;
  });
}
