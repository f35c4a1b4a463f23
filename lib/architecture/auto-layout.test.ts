import { describe, expect, test } from 'vitest';
import { workingCopyFromSnapshot } from './working-copy';
import { buildElkGraph, positionsFromElk, rowWidth } from './auto-layout';
import { layoutBands } from './bands';
import { edgeServerEntity } from './entity-fixtures';
import { nodeId, parseNodeId } from './flow-ids';
import type { ArchitectureSnapshot, Entity } from './snapshot';
import { pasteEdit, copySelection, newEntity } from './new-entities';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function snapshot(servers: number): ArchitectureSnapshot {
  const entities: Entity[] = [
    {
      kind: 'controller',
      id: id(1),
      version: 1,
      posX: null,
      posY: null,
      name: 'k8s',
      controllerKind: 'orchestrator',
      product: '',
      hostServerId: id(100),
      cpuCores: 1,
      memoryMiB: 1024,
    },
    {
      kind: 'service',
      id: id(2),
      version: 1,
      posX: null,
      posY: null,
      name: 'api',
      imageRef: 'a',
      imageId: null,
      replicas: 1,
      cpuCores: 1,
      memoryMiB: 1,
      bandwidthMbps: 0,
      port: 8080,
      arch: null,
      accelerator: null,
    },
    {
      kind: 'service',
      id: id(3),
      version: 1,
      posX: null,
      posY: null,
      name: 'web',
      imageRef: 'w',
      imageId: null,
      replicas: 1,
      cpuCores: 1,
      memoryMiB: 1,
      bandwidthMbps: 0,
      port: 8080,
      arch: null,
      accelerator: null,
    },
    { kind: 'networkNode', id: id(4), version: 1, posX: null, posY: null, name: 'sw', siteId: null, nodeKind: 'switch', sdnManaged: false, latitude: null, longitude: null },
    { kind: 'site', id: id(5), version: 1, posX: null, posY: null, name: 'north', provider: '', region: '', latitude: null, longitude: null },
  ];
  for (let i = 0; i < servers; i++) {
    entities.push(edgeServerEntity(`s${i}`, { id: id(100 + i), siteId: i % 2 ? id(5) : null }));
  }
  return {
    scenario: { id: 'x', name: 'x' },
    entities,
    links: [
      {
        id: id(50),
        version: 1,
        name: 'l',
        medium: 'fiber',
        bandwidthMbps: 1,
        latencyMs: 1,
        lossPercent: 0,
        a: { kind: 'edgeServer', id: id(100) },
        b: { kind: 'networkNode', id: id(4) },
      },
    ],
    // web calls api: ELK must put web above api within the service band.
    dependencies: [{ fromId: id(3), toId: id(2), trafficMbps: 1, version: 1 }],
    manages: [{ controllerId: id(1), targetKind: 'service', targetId: id(3) }],
    placement: null,
    images: [],
    layerSizes: {},
    cachedLayers: {},
    loadedAt: '',
  };
}

describe('layout input', () => {
  test('every non-site entity is an ELK node partitioned by band; edges point down the bands', () => {
    const model = workingCopyFromSnapshot(snapshot(3));
    const graph = buildElkGraph(model);
    expect(graph.layoutOptions['elk.partitioning.activate']).toBe('true');
    expect(graph.children).toHaveLength(7);
    const partition = (n: string) => graph.children.find((c) => c.id === n)!.layoutOptions!['elk.partitioning.partition'];
    expect(partition(nodeId('controller', id(1)))).toBe('0');
    expect(partition(nodeId('service', id(2)))).toBe('1');
    expect(partition(nodeId('networkNode', id(4)))).toBe('2');
    expect(partition(nodeId('edgeServer', id(100)))).toBe('3');
    const pairs = graph.edges.map((e) => `${parseNodeId(e.sources[0])!.kind}>${parseNodeId(e.targets[0])!.kind}`).sort();
    // Edges inside a band (web calls api) are left out: each band is one ELK layer.
    expect(pairs).toEqual(['controller>edgeServer', 'controller>service', 'networkNode>edgeServer']);
  });

  test('ELK positions become rows inside the bands, long layers wrapped, keeping ELK order', () => {
    const model = workingCopyFromSnapshot(snapshot(40));
    const laidOut = buildElkGraph(model).children.map((c, i) => ({ ...c, x: i * 10, y: parseNodeId(c.id)?.kind === 'service' ? (c.id.endsWith('3') ? 0 : 100) : 0 }));
    const positions = positionsFromElk(model, laidOut);
    const entities = [...model.entities.values()].map((e) => {
      const p = positions.get(nodeId(e.kind, e.id))!;
      return { ...e, posX: p.x, posY: p.y };
    });
    const bands = layoutBands(entities);
    for (const e of entities) {
      const band = bands.bands.find(
        (b) =>
          b.band === { controller: 'control', service: 'service', registry: 'service', vnf: 'network', networkNode: 'network', edgeServer: 'physical', site: 'physical' }[e.kind],
      )!;
      expect(e.posY).toBeGreaterThanOrEqual(band.top);
      expect(e.posY).toBeLessThan(band.top + band.height);
    }
    // web (ELK layer 0) is above api (layer 1).
    expect(positions.get(nodeId('service', id(3)))!.y).toBeLessThan(positions.get(nodeId('service', id(2)))!.y);
    const xs = [...positions.entries()].filter(([k]) => parseNodeId(k)?.kind === 'edgeServer').map(([, p]) => p.x);
    expect(new Set(xs).size).toBeLessThanOrEqual(rowWidth(model.entities.size));
  });

  test('grouping by site keeps a site’s edge servers together', () => {
    const model = workingCopyFromSnapshot(snapshot(10));
    const laidOut = buildElkGraph(model).children.map((c, i) => ({ ...c, x: i, y: 0 }));
    const positions = positionsFromElk(model, laidOut, { groupBySite: true });
    const rowsOf = (odd: boolean) =>
      new Set([...model.entities.values()].filter((e) => e.kind === 'edgeServer' && (e.siteId !== null) === odd).map((e) => positions.get(nodeId('edgeServer', e.id))!.y));
    const sited = rowsOf(true);
    const unsited = rowsOf(false);
    expect([...sited].some((y) => unsited.has(y))).toBe(false);
  });

  test('new entities get free names; paste copies relations among the copies', () => {
    const model = workingCopyFromSnapshot(snapshot(2));
    expect(newEntity(model, 'edgeServer', id(900), { x: 0, y: 0 })!.name).toBe('edge-server-1');
    expect(newEntity(model, 'vnf', id(901), { x: 0, y: 0 })).toMatchObject({ hostServerId: id(100) });
    let n = 1000;
    const pasted = pasteEdit(model, copySelection(model, [nodeId('service', id(2)), nodeId('service', id(3))]), () => id(n++), { x: 40, y: 40 })!;
    expect(pasted.edit.entities.map((e) => e.name)).toEqual(['api-copy', 'web-copy']);
    expect(pasted.edit.dependencies).toEqual([{ fromId: id(1001), toId: id(1000), trafficMbps: 1 }]);
  });
});
