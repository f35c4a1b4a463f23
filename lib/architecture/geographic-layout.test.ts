import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { parseGraphml } from '@/lib/importers/topology/parse-graphml';
import { workingCopyFromSnapshot } from './working-copy';
import { layoutBands, NODE_HEIGHT } from './bands';
import { geographicLayout, project } from './geographic-layout';
import { nodeId } from './flow-ids';
import { edgeServerEntity } from './entity-fixtures';
import { BAND_OF, type ArchitectureSnapshot, type Entity, type EntityKind } from './snapshot';

const base = { version: 1, posX: null, posY: null };

function snapshot(entities: Entity[]): ArchitectureSnapshot {
  return { scenario: { id: 's', name: 's' }, entities, links: [], dependencies: [], manages: [], placement: null, images: [], layerSizes: {}, cachedLayers: {}, loadedAt: '' };
}

describe('geographic layout', () => {
  test('the projection keeps east to the right and north up', () => {
    const melbourne = project({ latitude: -37.81, longitude: 144.96 });
    const sydney = project({ latitude: -33.87, longitude: 151.21 });
    expect(sydney.x).toBeGreaterThan(melbourne.x);
    expect(sydney.y).toBeLessThan(melbourne.y);
  });

  test('every node of Kdl stays in the network band, east of its western neighbours, on a cell of its own', () => {
    const graph = parseGraphml(fs.readFileSync(datasetPath('topologies', 'Kdl.graphml'), 'utf8'));
    const entities: Entity[] = graph.nodes.map((n, i) => ({
      ...base,
      kind: 'networkNode',
      id: `n${i}`,
      name: n.label || n.id,
      siteId: null,
      nodeKind: 'router',
      sdnManaged: false,
      latitude: n.latitude,
      longitude: n.longitude,
    }));
    entities.push({ ...base, kind: 'controller', id: 'c', name: 'onos', controllerKind: 'sdn', product: '', hostServerId: 'x', cpuCores: 1, memoryMiB: 512, posX: 400, posY: 60 });
    const model = workingCopyFromSnapshot(snapshot(entities));
    const { positions, mapped } = geographicLayout(model);
    const withCoordinates = graph.nodes.filter((n) => n.latitude !== null).length;
    expect(mapped).toBe(withCoordinates);
    expect(withCoordinates).toBeGreaterThan(700);
    // The bands the editor derives from the saved positions contain every node.
    const saved = entities.map((e) => ({ ...e, posX: positions.get(nodeId(e.kind, e.id))!.x, posY: positions.get(nodeId(e.kind, e.id))!.y }));
    const bands = layoutBands(saved);
    for (const e of saved) {
      const b = bands.bands.find((r) => r.band === BAND_OF[e.kind])!;
      expect(e.posY).toBeGreaterThanOrEqual(b.top);
      expect(e.posY + NODE_HEIGHT).toBeLessThanOrEqual(b.top + b.height);
      // Drawn where its saved position says: nothing was clamped.
      expect(bands.positions[nodeId(e.kind, e.id)]).toEqual({ x: e.posX, y: e.posY });
    }
    // No two nodes overlap.
    const cells = new Set(saved.map((e) => `${e.posX},${e.posY}`));
    expect(cells.size).toBe(saved.length);
    // The extremes stay extremes: the westernmost node left of the easternmost, and so on.
    const placed = graph.nodes.map((n, i) => ({ ...n, i })).filter((n) => n.latitude !== null);
    const extreme = (f: (n: (typeof placed)[number]) => number) => placed.reduce((a, b) => (f(b) > f(a) ? b : a)).i;
    const west = extreme((n) => -n.longitude!);
    const east = extreme((n) => n.longitude!);
    const north = extreme((n) => n.latitude!);
    const south = extreme((n) => -n.latitude!);
    expect(positions.get(`networkNode:n${west}`)!.x).toBeLessThan(positions.get(`networkNode:n${east}`)!.x);
    expect(positions.get(`networkNode:n${north}`)!.y).toBeLessThan(positions.get(`networkNode:n${south}`)!.y);
  });

  test('edge servers sit at their site, under the routers of the same place; a band without coordinates keeps its drawing', () => {
    const entities: Entity[] = [
      { ...base, kind: 'site', id: 'mel', name: 'mel', provider: '', region: '', latitude: -37.8, longitude: 144.9 },
      { ...base, kind: 'site', id: 'syd', name: 'syd', provider: '', region: '', latitude: -33.9, longitude: 151.2 },
      { ...base, kind: 'networkNode', id: 'r-mel', name: 'r-mel', siteId: 'mel', nodeKind: 'router', sdnManaged: false, latitude: null, longitude: null },
      { ...base, kind: 'networkNode', id: 'r-syd', name: 'r-syd', siteId: null, nodeKind: 'router', sdnManaged: false, latitude: -33.9, longitude: 151.2 },
      edgeServerEntity('es-mel', { siteId: 'mel' }),
      edgeServerEntity('es-syd', { siteId: 'syd' }),
      edgeServerEntity('es-x'),
      {
        ...base,
        kind: 'service',
        id: 'web',
        name: 'web',
        imageRef: 'web',
        imageId: null,
        replicas: 1,
        cpuCores: 1,
        memoryMiB: 1,
        bandwidthMbps: 0,
        port: 8080,
        arch: null,
        accelerator: null,
        posX: 720,
        posY: 300,
      },
    ];
    const model = workingCopyFromSnapshot(snapshot(entities));
    const before = layoutBands(entities);
    const { positions } = geographicLayout(model);
    const at = (kind: EntityKind, id: string) => positions.get(nodeId(kind, id))!;
    expect(at('networkNode', 'r-syd').x).toBeGreaterThan(at('networkNode', 'r-mel').x);
    expect(at('edgeServer', 'es-syd').x).toBe(at('networkNode', 'r-syd').x);
    expect(at('edgeServer', 'es-mel').x).toBe(at('networkNode', 'r-mel').x);
    expect(at('edgeServer', 'es-syd').y).toBeGreaterThan(at('networkNode', 'r-syd').y);
    // Without coordinates: under the map of its band.
    expect(at('edgeServer', 'es-x').y).toBeGreaterThan(Math.max(at('edgeServer', 'es-syd').y, at('edgeServer', 'es-mel').y, at('site', 'mel').y));
    // The service band had no coordinates: same place in its band.
    expect(at('service', 'web')).toEqual(before.positions['service:web']);
  });
});
