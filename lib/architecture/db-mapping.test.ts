import { describe, expect, test } from 'vitest';
import { workingCopyFromSnapshot, applyOutcome } from './working-copy';
import { edgeServerFromRow, entityColumns, linkColumns, linkFromRow, networkNodeFromRow, registryFromRow } from './db-mapping';
import { emptyOutcome } from './edits';
import { buildEdges, buildNodes, DEFAULT_VIEW } from './flow-graph';
import { layoutBands } from './bands';
import { attachmentEdgeId, nodeId, parseEdgeId, parseNodeId } from './flow-ids';
import type { ArchitectureSnapshot, EdgeServerEntity } from './snapshot';
import { planDelete } from './plan-delete';
import { computeStorageUse, storageLevel } from './storage-use';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const SW = '00000000-0000-4000-8000-000000000003';
const SVC = '00000000-0000-4000-8000-000000000004';
const CTL = '00000000-0000-4000-8000-000000000005';
const L1 = '00000000-0000-4000-8000-000000000006';
const SITE = '00000000-0000-4000-8000-000000000007';

const serverRow = (id: string, name: string) => ({
  id,
  version: 3,
  posX: null,
  posY: null,
  name,
  siteId: SITE,
  tier: 'edge' as const,
  arch: 'arm64',
  cpuCores: 4.5,
  memoryMiB: 8192,
  storageBytes: 9_007_199_254_740_000n,
  bandwidthMbps: 1000,
  accelerators: ['gpu'],
});

function snapshot(): ArchitectureSnapshot {
  return {
    scenario: { id: 'sc', name: 'test' },
    entities: [
      edgeServerFromRow(serverRow(S1, 's1')),
      edgeServerFromRow({ ...serverRow(S2, 's2'), storageBytes: 100n }),
      networkNodeFromRow({ id: SW, version: 1, posX: 0, posY: 5000, name: 'sw', siteId: null, kind: 'switch', sdnManaged: true, latitude: null, longitude: null }),
      {
        kind: 'service',
        id: SVC,
        version: 1,
        posX: null,
        posY: null,
        name: 'web',
        imageRef: 'web:1',
        imageId: 'img',
        replicas: 2,
        cpuCores: 1,
        memoryMiB: 1,
        bandwidthMbps: 0,
        port: 8080,
        arch: null,
        accelerator: null,
      },
      { kind: 'controller', id: CTL, version: 1, posX: null, posY: null, name: 'k8s', controllerKind: 'orchestrator', product: '', hostServerId: S1, cpuCores: 1, memoryMiB: 1024 },
      { kind: 'site', id: SITE, version: 1, posX: null, posY: null, name: 'north', provider: '', region: '', latitude: null, longitude: null },
    ],
    links: [
      linkFromRow({
        id: L1,
        version: 2,
        name: 'l1',
        medium: 'fiber',
        bandwidthMbps: 10000,
        latencyMs: 0.5,
        lossPercent: 0,
        aEdgeServerId: S1,
        aNodeId: null,
        bEdgeServerId: null,
        bNodeId: SW,
      }),
    ],
    dependencies: [],
    manages: [{ controllerId: CTL, targetKind: 'edgeServer', targetId: S2 }],
    placement: { runId: 'r', algorithm: 'greedy', status: 'feasible', finishedAt: null, relations: [{ serviceId: SVC, edgeServerId: S2, replicas: [0, 1] }] },
    images: [{ id: 'img', label: 'web:1', arch: 'amd64', layerIds: ['a', 'b'] }],
    layerSizes: { a: 30, b: 50, c: 7 },
    cachedLayers: { [S2]: ['a', 'c'] },
    loadedAt: '2026-11-25T00:00:00Z',
  };
}

describe('graph ↔ database mapping', () => {
  test('rows become entities with kind-specific names and exact byte counts', () => {
    const e = edgeServerFromRow(serverRow(S1, 's1'));
    expect(e).toMatchObject({ kind: 'edgeServer', id: S1, version: 3, storageBytes: 9_007_199_254_740_000, accelerators: ['gpu'] });
    const cols = entityColumns('edgeServer', e);
    expect(cols.storageBytes).toBe(9_007_199_254_740_000n);
    expect(cols).not.toHaveProperty('kind');
    expect(cols).not.toHaveProperty('version');
    expect(entityColumns('networkNode', { nodeKind: 'router', name: 'r' })).toEqual({ kind: 'router', name: 'r' });
    expect(entityColumns('controller', { controllerKind: 'mesh' })).toEqual({ kind: 'mesh' });
  });

  test('a link end is exactly one foreign key', () => {
    const link = linkFromRow({
      id: L1,
      version: 1,
      name: 'x',
      medium: 'wifi',
      bandwidthMbps: 1,
      latencyMs: 1,
      lossPercent: 0,
      aEdgeServerId: null,
      aNodeId: SW,
      bEdgeServerId: S1,
      bNodeId: null,
    });
    expect(link.a).toEqual({ kind: 'networkNode', id: SW });
    expect(link.b).toEqual({ kind: 'edgeServer', id: S1 });
    expect(linkColumns(link)).toEqual({ aEdgeServerId: null, aNodeId: SW, bEdgeServerId: S1, bNodeId: null });
  });

  test('the model draws every entity in its band and every relation as its kind of edge', () => {
    const model = workingCopyFromSnapshot(snapshot());
    const layout = layoutBands([...model.entities.values()]);
    const nodes = buildNodes(model, DEFAULT_VIEW, layout, null);
    expect(nodes.map((n) => n.id).sort()).toEqual(
      [nodeId('controller', CTL), nodeId('edgeServer', S1), nodeId('edgeServer', S2), nodeId('networkNode', SW), nodeId('service', SVC), nodeId('site', SITE)].sort(),
    );
    const band = (b: string) => layout.bands.find((x) => x.band === b)!;
    for (const n of nodes) {
      const b = band({ controller: 'control', service: 'service', registry: 'service', networkNode: 'network', edgeServer: 'physical', site: 'physical', vnf: 'network' }[n.type]);
      expect(n.position.y, n.id).toBeGreaterThanOrEqual(b.top);
      expect(n.position.y, n.id).toBeLessThan(b.top + b.height);
    }
    // A saved position far down keeps its band tall enough, and the bands stay in order.
    expect(band('network').height).toBeGreaterThan(4000);
    expect(band('physical').top).toBe(band('network').top + band('network').height);

    const edges = buildEdges(model, DEFAULT_VIEW);
    expect(edges.map((e) => `${e.className} ${e.source}>${e.target}`).sort()).toEqual(
      [
        `edge-link ${nodeId('networkNode', SW)}>${nodeId('edgeServer', S1)}`,
        `edge-hosting ${nodeId('controller', CTL)}>${nodeId('edgeServer', S1)}`,
        `edge-manages ${nodeId('controller', CTL)}>${nodeId('edgeServer', S2)}`,
        `edge-placement ${nodeId('service', SVC)}>${nodeId('edgeServer', S2)}`,
      ].sort(),
    );
    expect(edges.find((e) => e.type === 'placement')!.data!.aggregated).toBe(2);
  });

  test('unchanged nodes keep their identity; filters and collapsed sites hide and reroute', () => {
    const model = workingCopyFromSnapshot(snapshot());
    const layout = layoutBands([...model.entities.values()]);
    const first = buildNodes(model, DEFAULT_VIEW, layout, null);
    const second = buildNodes(model, DEFAULT_VIEW, layout, null, new Map(first.map((n) => [n.id, n])));
    expect(second.every((n, i) => n === first[i])).toBe(true);

    const gpuOnly = buildNodes(model, { ...DEFAULT_VIEW, accelerator: 'fpga' }, layout, null);
    // Servers without an FPGA and services that do not need one.
    expect(gpuOnly.filter((n) => n.hidden).map((n) => n.type)).toEqual(['edgeServer', 'edgeServer', 'service']);

    const folded = { ...DEFAULT_VIEW, groupBySite: true, collapsedSites: new Set([SITE]) };
    const edges = buildEdges(model, folded);
    expect(edges.every((e) => parseNodeId(e.target)?.kind !== 'edgeServer')).toBe(true);
    expect(edges.filter((e) => e.target === nodeId('site', SITE))).toHaveLength(4);
  });

  test('nodes whose entities are saved where they are drawn are kept; a changed name rebuilds its node', () => {
    const model = workingCopyFromSnapshot(snapshot());
    const layout = layoutBands([...model.entities.values()]);
    const first = buildNodes(model, DEFAULT_VIEW, layout, null);
    const previous = new Map(first.map((n) => [n.id, n]));
    // Every entity saved at its drawn place, with the version a save gives it: the same drawing.
    const entities = new Map(model.entities);
    for (const n of first) {
      const e = model.entities.get(n.id)!;
      entities.set(n.id, { ...e, posX: layout.positions[n.id].x, posY: layout.positions[n.id].y, version: e.version + 1 });
    }
    const saved = buildNodes({ ...model, entities }, DEFAULT_VIEW, layoutBands([...entities.values()]), null, previous);
    expect(saved.every((n) => n === previous.get(n.id))).toBe(true);
    const s1 = nodeId('edgeServer', S1);
    entities.set(s1, { ...(entities.get(s1) as EdgeServerEntity), name: 's1-renamed' });
    const renamed = buildNodes({ ...model, entities }, DEFAULT_VIEW, layoutBands([...entities.values()]), null, previous);
    expect(renamed.filter((n) => n !== previous.get(n.id)).map((n) => n.id)).toEqual([s1]);
    const node = renamed.find((n) => n.id === s1)!;
    expect(node.type === 'edgeServer' && node.data.entity.name).toBe('s1-renamed');
  });

  test('storage use counts a shared layer once, with the cached layers', () => {
    const s = snapshot();
    const use = computeStorageUse({
      placement: s.placement!.relations,
      serviceImage: new Map([[SVC, 'img']]),
      images: s.images,
      layerSizes: s.layerSizes,
      cachedLayers: s.cachedLayers,
      capacity: new Map([
        [S1, 1000],
        [S2, 100],
      ]),
    });
    expect(use.get(S2)).toEqual({ usedBytes: 30 + 50 + 7, capacityBytes: 100, ratio: 0.87 });
    expect(use.get(S1)!.usedBytes).toBe(0);
    expect(storageLevel(0.87)).toBe('high');
    expect(storageLevel(1.2)).toBe('over');
  });

  test('deleting an edge server plans its hosted controller, links and relations', () => {
    const model = workingCopyFromSnapshot(snapshot());
    const plan = planDelete(model, [nodeId('edgeServer', S1)]);
    expect(plan.hosted.map((e) => e.name)).toEqual(['k8s']);
    expect(plan.links.map((l) => l.name)).toEqual(['l1']);
    expect(plan.manages).toHaveLength(1); // k8s goes, so what it manages goes
    expect(plan.edit.entities).toEqual([
      { kind: 'edgeServer', id: S1, version: 3 },
      { kind: 'controller', id: CTL, version: 1 },
    ]);
    const site = planDelete(model, [nodeId('site', SITE)]);
    expect(site.unsited.map((e) => e.name).sort()).toEqual(['s1', 's2']);
    expect(planDelete(model, [nodeId('edgeServer', S2)]).placedReplicas).toBe(2);
  });

  test('an outcome merges upserts and removals into the model', () => {
    const model = workingCopyFromSnapshot(snapshot());
    const out = emptyOutcome();
    out.removed.entities.push({ kind: 'edgeServer', id: S2 });
    out.removed.links.push(L1);
    out.upserted.entities.push({ ...(model.entities.get(nodeId('edgeServer', S1)) as EdgeServerEntity), cpuCores: 99, version: 4 });
    const next = applyOutcome(model, out);
    expect(next.entities.has(nodeId('edgeServer', S2))).toBe(false);
    expect(next.links.size).toBe(0);
    expect(next.entities.get(nodeId('edgeServer', S1))).toMatchObject({ cpuCores: 99, version: 4 });
    expect(next.entities.get(nodeId('service', SVC))).toBe(model.entities.get(nodeId('service', SVC)));
  });

  test('a registry is drawn in the service band with an attachment edge down to its node; deleting the node leaves it unattached', () => {
    const REG = '00000000-0000-4000-8000-000000000008';
    const s = snapshot();
    const registry = registryFromRow({ id: REG, version: 2, posX: null, posY: null, name: 'hub', url: 'https://hub.example', siteId: null, networkNodeId: SW, edgeServerId: null });
    expect(registry).toMatchObject({ kind: 'registry', networkNodeId: SW, edgeServerId: null, version: 2 });
    const model = workingCopyFromSnapshot({ ...s, entities: [...s.entities, registry] });
    const layout = layoutBands([...model.entities.values()]);
    const service = layout.bands.find((b) => b.band === 'service')!;
    expect(layout.positions[nodeId('registry', REG)].y).toBeGreaterThanOrEqual(service.top);
    expect(layout.positions[nodeId('registry', REG)].y).toBeLessThan(service.top + service.height);
    const attachment = buildEdges(model, DEFAULT_VIEW).find((e) => e.type === 'attachment');
    expect(attachment).toMatchObject({ id: attachmentEdgeId(REG), source: nodeId('registry', REG), target: nodeId('networkNode', SW) });
    expect(parseEdgeId(attachmentEdgeId(REG))).toEqual({ kind: 'attachment', registryId: REG });
    const plan = planDelete(model, [nodeId('networkNode', SW)]);
    expect(plan.detached.map((e) => e.name)).toEqual(['hub']);
    expect(plan.edit.entities).toEqual([{ kind: 'networkNode', id: SW, version: 1 }]);
    // The attachment edge alone plans nothing: the store turns its delete into a detach.
    expect(planDelete(model, [attachmentEdgeId(REG)]).edit.entities).toEqual([]);
  });
});
