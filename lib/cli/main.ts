import { setProcessActor } from '@/lib/db/audit-actor';
import { runControlCommand } from './control-command';
import { runExportCommand } from './export-command';
import { runImportCommand } from './import-command';
import { runPlacementCommand } from './placement-command';
import { runSamplesCommand } from './samples-command';
import { runScenariosCommand } from './scenarios-command';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
};

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const usage = `usage: edgestack <command> …
  placement solve FILE|- [--algorithm exact|relax|greedy|kube-default|no-sharing] [--engine auto|glpk|highs] [--time-limit SECONDS]
  placement generate --servers S --containers N --seed K [--capacity-scale F] [--from-images FILE]
  placement schema [problem|result]
  import topology|images|services|sites|nodes FILE --scenario NAME [options]   (edgestack import --help)
  import scenario FILE [--name NAME]                                           a document written by export scenario
  control compile --scenario NAME --out DIR [--optimal]                        routes, link load, flow rules, mesh config
  export scenario|topology|placement NAME                                        (edgestack export --help)
  scenarios [--json]
  samples list [--json] | samples create NAME [--scenario NAME]
`;

/** Returns the process exit code: 0 success, 2 bad input, 1 unexpected failure. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // Whoever can run the command line on this machine can open the database directly anyway:
  // it acts as a local administrator, and the audit trail records its writes as 'cli'.
  setProcessActor({ id: null, name: 'cli' });
  const [command, ...rest] = argv;
  switch (command) {
    case 'placement':
      return runPlacementCommand(rest, io);
    case 'import':
      return runImportCommand(rest, io);
    case 'export':
      return runExportCommand(rest, io);
    case 'scenarios':
      return runScenariosCommand(rest, io);
    case 'control':
      return runControlCommand(rest, io);
    case 'samples':
      return runSamplesCommand(rest, io);
    case undefined:
    case '--help':
    case 'help':
      io.stderr(usage);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`edgestack: unknown command "${command}"\n${usage}`);
      return 2;
  }
}
