import type { StartupTimeline } from '@/lib/placement/terms/compute-startup-timeline';
import type { PlacementProblem } from '@/lib/placement/types';

/** One layer pull on an edge server's bar: drawn after the path latency and the pulls before it. */
export type TimelineSegment = {
  digest: string;
  bytes: number;
  /** the container whose start needed the layer first, and its service */
  container: string;
  service: string;
  /** index into the chart's services: the same service has the same colour on every server */
  colour: number;
  startSeconds: number;
  endSeconds: number;
};

export type ReadyMark = { container: string; service: string; colour: number; seconds: number };

/** An edge server's row of the start-up chart. */
export type TimelineRow = {
  server: string;
  /** where it pulls from; null when it pulls nothing (or reaches no registry) */
  registry: string | null;
  bandwidthMbps: number | null;
  latencyMs: number | null;
  pullBytes: number;
  /** seconds before the first byte arrives: the path's latency, paid once */
  waitSeconds: number;
  segments: TimelineSegment[];
  /** each container's ready time, earliest first */
  ready: ReadyMark[];
  makespanSeconds: number;
  /** must pull but reaches no registry: the placement is invalid there */
  unreachable: boolean;
};

export type StartupChart = {
  rows: TimelineRow[];
  /** services by name, each with its colour index */
  services: { name: string; colour: number }[];
  /** the most pulls on one server: the chart stacks that many segments */
  segmentCount: number;
  makespanSeconds: number;
  sumSeconds: number;
  /** the container ready last, and where: what the makespan waits for */
  last: { server: string; container: string } | null;
};

/** A container's service as people know it: its `service` (v2), else its image, else its own id. */
function serviceOf(problem: PlacementProblem): (containerId: string) => string {
  const byId = new Map(problem.containers.map((c) => [c.id, c.service ?? c.image ?? c.id]));
  return (id) => byId.get(id) ?? id;
}

/**
 * The start-up timeline as rows of a horizontal Gantt chart, one per edge server that got
 * containers: the path latency, then each layer pull in the order it happens, coloured by the
 * service it was pulled for, and each container's ready time.
 */
export function chartStartupTimeline(problem: PlacementProblem, timeline: StartupTimeline): StartupChart {
  const service = serviceOf(problem);
  const names = [...new Set(timeline.servers.flatMap((s) => Object.keys(s.ready).map(service)))].sort();
  const colour = new Map(names.map((name, index) => [name, index]));
  const mark = (container: string) => ({ container, service: service(container), colour: colour.get(service(container)) ?? 0 });

  let last: StartupChart['last'] = null;
  let latest = -1;
  const rows = timeline.servers.map((s): TimelineRow => {
    const ready = Object.entries(s.ready)
      .map(([container, seconds]) => ({ ...mark(container), seconds }))
      .sort((a, b) => a.seconds - b.seconds || (a.container < b.container ? -1 : 1));
    for (const r of ready) {
      if (r.seconds > latest) {
        latest = r.seconds;
        last = { server: s.server, container: r.container };
      }
    }
    return {
      server: s.server,
      registry: s.registry,
      bandwidthMbps: s.bandwidthMbps,
      latencyMs: s.latencyMs,
      pullBytes: s.pullBytes,
      waitSeconds: s.pulls[0]?.startSeconds ?? 0,
      segments: s.pulls.map((p) => ({ digest: p.digest, bytes: p.bytes, ...mark(p.forContainer), startSeconds: p.startSeconds, endSeconds: p.endSeconds })),
      ready,
      makespanSeconds: s.makespanSeconds,
      unreachable: s.unreachable,
    };
  });
  return {
    rows,
    services: names.map((name) => ({ name, colour: colour.get(name)! })),
    segmentCount: Math.max(0, ...rows.map((r) => r.segments.length)),
    makespanSeconds: timeline.makespanSeconds,
    sumSeconds: timeline.sumSeconds,
    last,
  };
}

/**
 * The rows a chart can draw legibly: all of them up to `limit`, else the `limit` slowest (what
 * the makespan waits for), still in the timeline's order. The table beside the chart has them all.
 */
export function pickChartRows(rows: TimelineRow[], limit: number): TimelineRow[] {
  if (rows.length <= limit) return rows;
  const slowest = new Set([...rows].sort((a, b) => b.makespanSeconds - a.makespanSeconds || (a.server < b.server ? -1 : 1)).slice(0, limit));
  return rows.filter((r) => slowest.has(r));
}
