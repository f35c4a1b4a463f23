import { describe, expect, test } from 'vitest';
import { aggregateView, layoutAggregated, MAX_TOP_SITES } from './aggregate-view';
import { groupNodeId, nodeId } from './flow-ids';
import { workingCopyFromSnapshot, type WorkingCopy } from './working-copy';
import { buildEdges, DEFAULT_VIEW } from './flow-graph';
import { BAND_OF, type ArchitectureSnapshot, type Entity, type LinkRelation } from './snapshot';

/** Sites in regions, each with edge servers and switches, links inside and between sites, services with dependencies, controllers. */
function bigModel(sites: number, regions: number): WorkingCopy {
  const entities: Entity[] = [];
  const links: LinkRelation[] = [];
  const base = { version: 1, posX: null, posY: null };
  let linkNo = 0;
  const link = (a: { kind: 'edgeServer' | 'networkNode'; id: string }, b: { kind: 'edgeServer' | 'networkNode'; id: string }, bandwidthMbps: number) =>
    links.push({ id: `l${linkNo}`, version: 1, name: `l${linkNo++}`, medium: 'fiber', bandwidthMbps, latencyMs: 1, lossPercent: 0, a, b });
  for (let s = 0; s < sites; s++) {
    entities.push({ ...base, kind: 'site', id: `site${s}`, name: `site-${s}`, provider: '', region: `r${s % regions}`, latitude: null, longitude: null });
    for (let n = 0; n < 2; n++)
      entities.push({
        ...base,
        kind: 'networkNode',
        id: `sw${s}-${n}`,
        name: `sw-${s}-${n}`,
        siteId: `site${s}`,
        nodeKind: 'switch',
        sdnManaged: true,
        latitude: null,
        longitude: null,
      });
    link({ kind: 'networkNode', id: `sw${s}-0` }, { kind: 'networkNode', id: `sw${s}-1` }, 40_000);
    if (s > 0) link({ kind: 'networkNode', id: `sw${s}-0` }, { kind: 'networkNode', id: `sw${s - 1}-1` }, 10_000 + s);
    for (let e = 0; e < 3; e++) {
      entities.push({
        ...base,
        kind: 'edgeServer',
        id: `es${s}-${e}`,
        name: `es-${s}-${e}`,
        siteId: `site${s}`,
        tier: 'edge',
        arch: 'amd64',
        cpuCores: 8,
        memoryMiB: 1024,
        storageBytes: 1e9,
        bandwidthMbps: 1000,
        accelerators: [],
      });
      link({ kind: 'edgeServer', id: `es${s}-${e}` }, { kind: 'networkNode', id: `sw${s}-${e % 2}` }, 1000 * (e + 1));
    }
  }
  for (let i = 0; i < 20; i++)
    entities.push({
      ...base,
      kind: 'service',
      id: `svc${i}`,
      name: `svc-${i}`,
      imageRef: `reg.example:5000/app-${i % 4}:1.${i}`,
      imageId: null,
      replicas: 1,
      cpuCores: 1,
      memoryMiB: 1,
      bandwidthMbps: 0,
      port: 8080,
      arch: null,
      accelerator: null,
    });
  entities.push({ ...base, kind: 'controller', id: 'k8s', name: 'k8s', controllerKind: 'orchestrator', product: '', hostServerId: 'es0-0', cpuCores: 1, memoryMiB: 512 });
  entities.push({ ...base, kind: 'controller', id: 'onos', name: 'onos', controllerKind: 'sdn', product: '', hostServerId: 'es1-0', cpuCores: 1, memoryMiB: 512 });
  entities.push({ ...base, kind: 'vnf', id: 'fw', name: 'fw', vnfKind: 'firewall', hostServerId: 'es2-1', cpuCores: 1, memoryMiB: 1, nextVnfId: null });
  const snapshot: ArchitectureSnapshot = {
    scenario: { id: 'sc', name: 'big' },
    entities,
    links,
    dependencies: Array.from({ length: 19 }, (_, i) => ({ fromId: `svc${i}`, toId: `svc${i + 1}`, trafficMbps: i + 1, version: 1 })),
    manages: Array.from({ length: sites * 2 }, (_, i) => ({ controllerId: 'onos', targetKind: 'networkNode' as const, targetId: `sw${Math.floor(i / 2)}-${i % 2}` })),
    placement: null,
    images: [],
    layerSizes: {},
    cachedLayers: {},
    loadedAt: '2026-12-02T00:00:00Z',
  };
  return workingCopyFromSnapshot(snapshot);
}

const allIds = (m: WorkingCopy) => [...m.entities.keys()];

describe('aggregated view', () => {
  test('every drawn entity is counted exactly once, in a summary of its own band or as itself', () => {
    const model = bigModel(60, 6);
    for (const expanded of [new Set<string>(), new Set(['region:r1']), new Set(['region:r1', 'site:site7', 'services', 'image:reg.example:5000/app-2'])]) {
      const view = aggregateView(model, allIds(model), expanded);
      const counted = view.summaries.reduce((sum, g) => sum + g.total, 0) + view.individuals.length;
      expect(counted).toBe(model.entities.size);
      for (const g of view.summaries) expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBe(g.total);
      for (const [id, drawn] of view.representative) {
        const band = BAND_OF[model.entities.get(id)!.kind];
        if (drawn === id) expect(view.individuals).toContain(id);
        else expect(view.summaries.find((g) => g.id === drawn)!.band).toBe(band);
      }
    }
  });

  test('the top level is regions above MAX_TOP_SITES sites, then sites, then members', () => {
    const model = bigModel(MAX_TOP_SITES + 20, 6);
    const top = aggregateView(model, allIds(model), new Set());
    expect(top.individuals).toEqual([]);
    const physical = top.summaries.filter((g) => g.band === 'physical');
    expect(physical.map((g) => g.level)).toEqual(Array(6).fill('region'));
    // Region r1 has sites 1, 7, 13, …: each 3 edge servers and the site itself.
    const r1 = physical.find((g) => g.key === 'region:r1')!;
    expect(r1.counts).toEqual({ edgeServer: 30, site: 10 });

    const opened = aggregateView(model, allIds(model), new Set(['region:r1']));
    const sitesOfR1 = opened.summaries.filter((g) => g.parent === 'region:r1' && g.band === 'physical');
    expect(sitesOfR1).toHaveLength(10);
    expect(sitesOfR1.every((g) => g.level === 'site' && g.total === 4)).toBe(true);

    const site = aggregateView(model, allIds(model), new Set(['region:r1', 'site:site7']));
    expect(site.individuals.sort()).toEqual(['edgeServer:es7-0', 'edgeServer:es7-1', 'edgeServer:es7-2', 'networkNode:sw7-0', 'networkNode:sw7-1', 'site:site7'].sort());
    // The network band's summary of the same site opens with it.
    expect(site.summaries.some((g) => g.id === groupNodeId('network', 'site:site7'))).toBe(false);
  });

  test('aggregated links carry the count and the summed bandwidth of the links they stand for', () => {
    const model = bigModel(60, 6);
    for (const expanded of [new Set<string>(), new Set(['region:r2', 'site:site8'])]) {
      const view = aggregateView(model, allIds(model), expanded);
      const edges = buildEdges(model, DEFAULT_VIEW, new Map(), { representative: view.representative }).filter((e) => e.data!.kind === 'link');
      // Links whose two ends are drawn as one node disappear into it; the rest add up.
      let count = 0;
      let capacity = 0;
      for (const l of model.links.values()) {
        const a = view.representative.get(nodeId(l.a.kind, l.a.id));
        const b = view.representative.get(nodeId(l.b.kind, l.b.id));
        if (a !== b) {
          count++;
          capacity += l.bandwidthMbps;
        }
      }
      expect(edges.reduce((s, e) => s + e.data!.aggregated, 0)).toBe(count);
      expect(edges.reduce((s, e) => s + e.data!.capacityMbps, 0)).toBe(capacity);
      // One edge per pair of drawn nodes, whichever way round the links were entered.
      const pairs = edges.map((e) => [e.source, e.target].sort().join('|'));
      expect(new Set(pairs).size).toBe(pairs.length);
    }
    // Between two regions: exactly the backbone links that cross from one to the other.
    const top = aggregateView(model, allIds(model), new Set());
    const edges = buildEdges(model, DEFAULT_VIEW, new Map(), { representative: top.representative });
    const r0r1 = edges.find(
      (e) => e.data!.kind === 'link' && [e.source, e.target].sort().join('|') === [groupNodeId('network', 'region:r0'), groupNodeId('network', 'region:r1')].sort().join('|'),
    )!;
    // sw(s)-0 — sw(s-1)-1 crosses r0→r1 for s ≡ 1 (mod 6): s = 1, 7, …, 55.
    const crossing = Array.from({ length: 10 }, (_, k) => 6 * k + 1);
    expect(r0r1.data!.aggregated).toBe(crossing.length);
    expect(r0r1.data!.capacityMbps).toBe(crossing.reduce((s, x) => s + 10_000 + x, 0));
  });

  test('services group by image repository; controllers by kind', () => {
    const model = bigModel(10, 2);
    const view = aggregateView(model, allIds(model), new Set(['services']));
    const images = view.summaries
      .filter((g) => g.level === 'image')
      .map((g) => g.label)
      .sort();
    expect(images).toEqual(['reg.example:5000/app-0', 'reg.example:5000/app-1', 'reg.example:5000/app-2', 'reg.example:5000/app-3']);
    expect(
      view.summaries
        .filter((g) => g.level === 'controllers')
        .map((g) => g.key)
        .sort(),
    ).toEqual(['controllers:orchestrator', 'controllers:sdn']);
    // 10 sites: no region level.
    expect(view.summaries.some((g) => g.level === 'region')).toBe(false);
  });

  test('the layout keeps every drawn node inside its band, an opened group on rows of its own', () => {
    const model = bigModel(60, 6);
    const view = aggregateView(model, allIds(model), new Set(['region:r3', 'site:site9']));
    const layout = layoutAggregated(view);
    for (const [band, list] of view.order) {
      const rect = layout.bands.find((b) => b.band === band)!;
      for (const { id } of list) {
        expect(layout.positions[id].y).toBeGreaterThanOrEqual(rect.top);
        expect(layout.positions[id].y).toBeLessThan(rect.top + rect.height);
      }
    }
    const members = view.order
      .get('physical')!
      .filter((i) => i.parent === 'site:site9')
      .map((i) => layout.positions[i.id]);
    expect(members).toHaveLength(4);
    expect(members[0].x).toBe(0);
  });
});
