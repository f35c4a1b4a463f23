import { setProcessActor } from '@/lib/db/audit-actor';

// Each command is loaded when it runs: a listing need not load the solvers, nor a solve the
// database drivers (most of a command's start-up time is loading modules).

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as it arrives: readers take only what they allow (readLimited). */
  stdin: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
};

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => process.stdin,
};

const usage = `usage: edgestack <command> …
  placement solve FILE|- [--algorithm exact|relax|greedy|kube-default|no-sharing] [--engine auto|glpk|highs] [--time-limit SECONDS]
  placement generate --servers S --containers N --seed K [--capacity-scale F] [--from-images FILE]
  placement schema [problem|result]
  placement build --scenario NAME [--weights storage=1,startup=…|--preset P] [--replan]   the problem a run would solve
  import topology|images|services|sites|nodes FILE --scenario NAME [options]   (edgestack import --help)
  import scenario FILE [--name NAME]                                           a document written by export scenario
  control compile --scenario NAME --out DIR [--optimal]                        routes, link load, flow rules, mesh config
  export scenario|topology|placement NAME                                        (edgestack export --help)
  scenarios [--json]
  samples list [--json] | samples create NAME [--scenario NAME]
  worker [--threads N] [--grace SECONDS]                                        solve queued runs until SIGTERM (Postgres: beside EDGESTACK_QUEUE=off web processes)
`;

/** Returns the process exit code: 0 success, 2 bad input, 1 unexpected failure. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // Whoever can run the command line on this machine can open the database directly anyway:
  // it acts as a local administrator, and the audit trail records its writes as 'cli'.
  setProcessActor({ id: null, name: 'cli' });
  const [command, ...rest] = argv;
  switch (command) {
    case 'placement':
      return (await import('./placement-command')).runPlacementCommand(rest, io);
    case 'import':
      return (await import('./import-command')).runImportCommand(rest, io);
    case 'export':
      return (await import('./export-command')).runExportCommand(rest, io);
    case 'scenarios':
      return (await import('./scenarios-command')).runScenariosCommand(rest, io);
    case 'control':
      return (await import('./control-command')).runControlCommand(rest, io);
    case 'samples':
      return (await import('./samples-command')).runSamplesCommand(rest, io);
    case 'worker':
      return (await import('./worker-command')).runWorkerCommand(rest, io);
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
