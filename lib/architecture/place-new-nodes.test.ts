import { describe, expect, test } from 'vitest';
import { workingCopyFromSnapshot } from './working-copy';
import { layoutBands, NODE_HEIGHT } from './bands';
import { nodeId } from './flow-ids';
import { BAND_OF, type ArchitectureSnapshot, type Entity, type LinkRelation } from './snapshot';
import { placeNewNodes } from './place-new-nodes';
import { edgeServerEntity, routerEntity } from './entity-fixtures';

const server = (id: string, x: number | null, y: number | null): Entity => edgeServerEntity(id, { posX: x, posY: y });
const router = (id: string, x: number | null, y: number | null): Entity => routerEntity(id, { posX: x, posY: y });
const link = (id: string, a: string, b: string): LinkRelation => ({
  id,
  version: 1,
  name: id,
  medium: 'fiber',
  bandwidthMbps: 1,
  latencyMs: 1,
  lossPercent: 0,
  a: { kind: 'networkNode', id: a },
  b: { kind: 'edgeServer', id: b },
});

function model(entities: Entity[], links: LinkRelation[]) {
  const s: ArchitectureSnapshot = {
    scenario: { id: 's', name: 's' },
    entities,
    links,
    dependencies: [],
    manages: [],
    placement: null,
    images: [],
    layerSizes: {},
    cachedLayers: {},
    loadedAt: '',
  };
  return workingCopyFromSnapshot(s);
}

describe('incremental layout', () => {
  test('new nodes go under their neighbours, in their band, on free cells; placed nodes stay', () => {
    const entities = [
      router('west', 0, 480),
      router('east', 2400, 480),
      server('old', 2400, 720),
      server('new1', null, null),
      server('new2', null, null),
      server('lonely', null, null),
      router('new-r', null, null),
    ];
    const m = model(entities, [link('a', 'east', 'new1'), link('b', 'east', 'new2'), link('c', 'west', 'old')]);
    const placed = placeNewNodes(m);
    expect([...placed.keys()].sort()).toEqual(['edgeServer:lonely', 'edgeServer:new1', 'edgeServer:new2', 'networkNode:new-r']);
    // Near "east", not on top of "old" nor of each other.
    for (const id of ['edgeServer:new1', 'edgeServer:new2']) expect(Math.abs(placed.get(id)!.x - 2400)).toBeLessThanOrEqual(480);
    const cells = [...placed.values(), { x: 2400, y: 720 }].map((p) => `${p.x},${p.y}`);
    expect(new Set(cells).size).toBe(cells.length);
    // Saving them changes no band boundary: every node already placed is drawn where it was
    // saved, as in the drawing without the new ones.
    const before = layoutBands(entities.filter((e) => e.posX !== null));
    const after = entities.map((e) => (placed.has(nodeId(e.kind, e.id)) ? { ...e, posX: placed.get(nodeId(e.kind, e.id))!.x, posY: placed.get(nodeId(e.kind, e.id))!.y } : e));
    const redrawn = layoutBands(after);
    for (const e of entities) if (e.posX !== null) expect(redrawn.positions[nodeId(e.kind, e.id)]).toEqual({ x: e.posX, y: e.posY });
    for (const e of after) {
      const band = redrawn.bands.find((b) => b.band === BAND_OF[e.kind])!;
      expect(e.posY!).toBeGreaterThanOrEqual(band.top);
      expect(e.posY! + NODE_HEIGHT).toBeLessThanOrEqual(band.top + band.height);
    }
    expect(redrawn.bands).toEqual(before.bands);
  });

  test('nothing new, nothing placed', () => {
    const entities = [router('a', 0, 480)];
    expect(placeNewNodes(model(entities, [])).size).toBe(0);
  });
});
