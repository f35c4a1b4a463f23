import { describe, expect, test } from 'vitest';
import { EXAMPLE_ASSIGNMENT, exampleProblem } from '@/lib/experiments/network-scenario.fixture';
import { computeStartupTimeline } from '@/lib/placement/terms/compute-startup-timeline';
import { chartStartupTimeline, pickChartRows } from './chart-startup-timeline';

// docs/placement-format.md's version-2 example: edge-a pulls base and web (42 MB) at 100 Mbit/s
// after 20 ms; edge-b holds base, pulls web for web-1, then api, at 200 Mbit/s after 40 ms.
describe('chartStartupTimeline', () => {
  test('a row per edge server: its path, the latency, then each pull in order, and each container’s ready time', () => {
    const problem = exampleProblem();
    const chart = chartStartupTimeline(problem, computeStartupTimeline(problem, EXAMPLE_ASSIGNMENT)!);
    expect(chart.services).toEqual([
      { name: 'api', colour: 0 },
      { name: 'web', colour: 1 },
    ]);
    const [a, b] = chart.rows;
    expect(a).toMatchObject({ server: 'edge-a', registry: 'hub', bandwidthMbps: 100, latencyMs: 20, pullBytes: 42_000_000, waitSeconds: 0.02, unreachable: false });
    expect(a.segments.map((s) => [s.digest, s.container, s.service, s.colour])).toEqual([
      ['sha256:base', 'web-0', 'web', 1],
      ['sha256:web', 'web-0', 'web', 1],
    ]);
    expect(a.segments[0].startSeconds).toBeCloseTo(0.02, 9);
    expect(a.segments[1].endSeconds).toBeCloseTo(3.38, 9);
    expect(b).toMatchObject({ server: 'edge-b', waitSeconds: 0.04, pullBytes: 57_000_000 });
    expect(b.segments.map((s) => [s.digest, s.container, s.service])).toEqual([
      ['sha256:web', 'web-1', 'web'],
      ['sha256:api', 'api-0', 'api'],
    ]);
    expect(b.ready.map((r) => [r.container, Number(r.seconds.toFixed(6))])).toEqual([
      ['web-1', 0.52],
      ['api-0', 2.32],
    ]);
    expect(chart.segmentCount).toBe(2);
    expect(chart.makespanSeconds).toBeCloseTo(3.38, 9);
    expect(chart.sumSeconds).toBeCloseTo(3.38 + 0.52 + 2.32, 9);
    expect(chart.last).toEqual({ server: 'edge-a', container: 'web-0' });
  });

  test('a server holding every layer waits for nothing; one reaching no registry is marked', () => {
    const problem = exampleProblem();
    problem.servers[0].cachedLayers = ['sha256:base', 'sha256:web'];
    problem.network = { ...problem.network!, pulls: problem.network!.pulls.filter((p) => p.server !== 'edge-b') };
    const chart = chartStartupTimeline(problem, computeStartupTimeline(problem, EXAMPLE_ASSIGNMENT)!);
    expect(chart.rows[0]).toMatchObject({ server: 'edge-a', registry: null, waitSeconds: 0, segments: [], ready: [{ container: 'web-0', seconds: 0 }] });
    expect(chart.rows[1]).toMatchObject({ server: 'edge-b', unreachable: true, segments: [] });
  });

  test('without a service name a container is coloured by its image', () => {
    const problem = exampleProblem();
    problem.containers = problem.containers.map(({ service: _service, ...c }) => c);
    const chart = chartStartupTimeline(problem, computeStartupTimeline(problem, EXAMPLE_ASSIGNMENT)!);
    expect(chart.services.map((s) => s.name)).toEqual(['api:2', 'web:1']);
  });
});

describe('pickChartRows', () => {
  test('keeps every row up to the limit, else the slowest, in their own order', () => {
    const row = (server: string, makespanSeconds: number) => ({ server, makespanSeconds }) as Parameters<typeof pickChartRows>[0][number];
    const rows = [row('a', 1), row('b', 5), row('c', 3), row('d', 5)];
    expect(pickChartRows(rows, 4)).toBe(rows);
    expect(pickChartRows(rows, 2).map((r) => r.server)).toEqual(['b', 'd']);
    expect(pickChartRows(rows, 3).map((r) => r.server)).toEqual(['b', 'c', 'd']);
  });
});
