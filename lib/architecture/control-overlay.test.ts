import { describe, expect, test } from 'vitest';
import { computeGreedyControlPlan } from '@/lib/control/compute-control-plan';
import { diamond, replicasOn } from '@/lib/control/small-topologies.fixture';
import type { ControlInput } from '@/lib/control/control-input-schema';
import type { LatestControlPlan } from '@/lib/control-plans/list-control-artifacts';
import { planArtifacts } from '@/lib/control-plans/plan-artifacts';
import { buildControlOverlay, utilisationColour, UTILISATION_LEVELS } from './control-overlay';

const run = { id: 'run-1', algorithm: 'greedy', createdAt: '2026-12-02T10:00:00.000Z' };

/** The stored form of a plan, as loadLatestControlPlan returns it. */
function stored(input: ControlInput, appliedRun = run): LatestControlPlan {
  const artifacts = planArtifacts(input, computeGreedyControlPlan(input));
  const version = (kind: 'routes' | 'link-load') => {
    const a = artifacts.find((x) => x.kind === kind)!;
    return { id: kind, kind, controllerId: null, controller: null, version: 1, summary: a.summary, createdAt: '2026-12-02T10:00:01.000Z', placementRun: run, content: a.content };
  };
  return { placementRun: appliedRun, routes: version('routes'), linkLoad: version('link-load'), flows: [], mesh: [] };
}

describe('control overlay for the Architecture page', () => {
  test('links carry their load and utilisation; a service’s routes are its links and nodes', () => {
    const overlay = buildControlOverlay(stored(diamond()))!;
    expect(overlay.links['s1--s2']).toEqual({ loadMbps: 60, capacityMbps: 100, utilisationPct: 60, status: 'ok', demands: 1 });
    expect(overlay.links['s1--s3'].loadMbps).toBe(0);
    expect(overlay.services.web).toEqual({ links: ['e1--s1', 's1--s2', 's2--s4', 's4--e2'], nodes: ['e1', 'e2', 's1', 's2', 's4'], vnfs: [], demands: 1 });
    expect(overlay.services.api.links).toEqual(overlay.services.web.links);
    expect(overlay.unroutable).toEqual([]);
    expect(overlay.overloaded).toEqual([]);
    expect(overlay.stale).toBe(false);
  });

  test('a chain’s route goes through its VNF host, and the service lists the VNF', () => {
    const input = diamond({ dependencies: [{ from: 'web', to: 'api', trafficMbps: 10, chain: ['fw'] }] });
    const overlay = buildControlOverlay(stored(input))!;
    expect(overlay.services.web.vnfs).toEqual(['fw']);
    expect(overlay.services.web.nodes).toContain('e3');
    expect(overlay.services.web.links).toContain('e3--s3');
  });

  test('full links and demands that fit nowhere are listed, fullest first', () => {
    const input = diamond({
      services: [
        { name: 'web', port: 80, replicas: 3 },
        { name: 'api', port: 8080, replicas: 1 },
      ],
      placements: [...replicasOn('web', 'e1', 3), { service: 'api', replica: 0, edgeServer: 'e2' }],
      dependencies: [{ from: 'web', to: 'api', trafficMbps: 240 }],
    });
    const overlay = buildControlOverlay(stored(input))!;
    expect(overlay.unroutable).toHaveLength(1);
    expect(overlay.unroutable[0]).toMatchObject({ fromService: 'web', toService: 'api', mbps: 80, reason: 'insufficient-bandwidth' });
    expect(overlay.overloaded.map((l) => l.link).sort()).toEqual(['s1--s2', 's1--s3', 's2--s4', 's3--s4']);
    for (const l of overlay.overloaded) expect(l.utilisationPct).toBeGreaterThanOrEqual(80);
    const pcts = overlay.overloaded.map((l) => l.utilisationPct);
    expect(pcts).toEqual([...pcts].sort((a, b) => b - a));
  });

  test('a plan from another run than the applied one is stale; no plan, no overlay', () => {
    expect(buildControlOverlay(stored(diamond(), { ...run, id: 'run-2' }))!.stale).toBe(true);
    expect(buildControlOverlay({ placementRun: null, routes: null, linkLoad: null, flows: [], mesh: [] })).toBeNull();
  });

  test('the legend’s colours follow utilisation', () => {
    expect(utilisationColour(0)).toBe(UTILISATION_LEVELS[0].colour);
    expect(utilisationColour(30)).toBe(UTILISATION_LEVELS[1].colour);
    expect(utilisationColour(80)).toBe(UTILISATION_LEVELS[2].colour);
    expect(utilisationColour(95)).toBe(UTILISATION_LEVELS[3].colour);
    expect(utilisationColour(140)).toBe(UTILISATION_LEVELS[4].colour);
  });
});
