// Every size the app accepts from people, in one place: the editor, forms, importers, scenario
// documents, the command line, the placement problem builder and the database's CHECK
// constraints (migration 20261202220000_size_limits, which repeats these numbers) use them, so an
// input is refused with a sentence where it enters instead of overflowing a column, a sum or the
// heap further in. Each bound is far above any real edge deployment and below its column type.

/** The command line's `--time-limit`: a day; far below where Node's timers overflow (2^31 ms ≈ 24.8 days). */
export const MAX_SOLVE_TIME_LIMIT_SEC = 86_400;

/** Replicas of one service. */
export const MAX_REPLICAS = 10_000;
/** Containers in one scenario (the sum of its services' replicas): what one placement problem holds. */
export const MAX_CONTAINERS = 50_000;

/** CPU cores of one edge server, VNF, controller or container request. */
export const MAX_CPU_CORES = 100_000;
/** Memory in MiB (an INTEGER column): 1 PiB. */
export const MAX_MEMORY_MIB = 1_073_741_824;
/** Bandwidth and traffic in Mbit/s (INTEGER columns, at most 2^31 − 1): 2 Pbit/s. */
export const MAX_BANDWIDTH_MBPS = 2_000_000_000;
/** Bytes of storage, of a layer or of an image (BIGINT, read as JSON numbers): exact up to 2^53 − 1. */
export const MAX_BYTES = Number.MAX_SAFE_INTEGER;
/** Link latency in milliseconds: a day. */
export const MAX_LATENCY_MS = 86_400_000;

/** Rows of one kind in one scenario (edge servers, services, links, …). */
export const MAX_ENTITIES_PER_KIND = 100_000;
/** Layers in one scenario's catalog. */
export const MAX_LAYERS = 1_000_000;

/**
 * The placement problem builder refuses above this many (container × layer) references: the
 * problem, its compiled form and the solver's model all grow with it, and past it the process
 * would run out of memory instead of answering.
 */
export const MAX_PROBLEM_LAYER_REFERENCES = 5_000_000;
