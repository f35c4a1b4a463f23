import { describe, expect, test } from 'vitest';
import {
  aggregateEdgeId,
  dependencyEdgeId,
  flowIdsOf,
  groupNodeId,
  hostingEdgeId,
  isGroupNodeId,
  linkEdgeId,
  managesEdgeId,
  nodeId,
  parseEdgeId,
  parseGroupNodeId,
  parseNodeId,
  placementEdgeId,
} from './flow-ids';
import { ENTITY_KINDS, MANAGED_KINDS } from './snapshot';

const A = '5b0c8f0e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const B = 'e2f1d0c9-b8a7-4654-8321-0fedcba98765';

describe('flow ids: build, then parse back', () => {
  test.each(ENTITY_KINDS)('a %s node', (kind) => {
    const id = nodeId(kind, A);
    expect(id).toBe(`${kind}:${A}`);
    expect(parseNodeId(id)).toEqual({ kind, id: A });
    expect(parseEdgeId(id)).toBeNull();
  });

  test('a node id is everything after the kind, colons included', () => {
    expect(parseNodeId(nodeId('site', 'a:b:c'))).toEqual({ kind: 'site', id: 'a:b:c' });
  });

  test('a summary node keeps a group key with colons (a region, an image repository with a registry port)', () => {
    for (const key of ['region:eu-west', 'site:', 'image:registry:5000/team/app', 'controllers:sdn', 'services']) {
      const id = groupNodeId('physical', key);
      expect(parseGroupNodeId(id)).toEqual({ band: 'physical', key });
      expect(isGroupNodeId(id)).toBe(true);
      expect(parseNodeId(id)).toBeNull();
      expect(parseEdgeId(id)).toBeNull();
    }
  });

  test('a link', () => {
    expect(parseEdgeId(linkEdgeId(A))).toEqual({ kind: 'link', id: A });
  });

  test.each(['vnf', 'controller'] as const)('a %s hosting edge', (entityKind) => {
    expect(parseEdgeId(hostingEdgeId(entityKind, A))).toEqual({ kind: 'hosting', entityKind, id: A });
  });

  test.each(MANAGED_KINDS)('a controller managing a %s', (targetKind) => {
    const m = { controllerId: A, targetKind, targetId: B };
    expect(parseEdgeId(managesEdgeId(m))).toEqual({ kind: 'manages', ...m });
  });

  test('a dependency', () => {
    expect(parseEdgeId(dependencyEdgeId({ fromId: A, toId: B }))).toEqual({ kind: 'dependency', fromId: A, toId: B });
  });

  test('a placement', () => {
    expect(parseEdgeId(placementEdgeId({ serviceId: A, edgeServerId: B }))).toEqual({ kind: 'placement', serviceId: A, edgeServerId: B });
  });

  test('a merged edge of the aggregated view is not one relation: it parses as no edge and no node', () => {
    const id = aggregateEdgeId('link', groupNodeId('network', 'region:r0'), nodeId('edgeServer', A));
    expect(id).toBe(`agg:link|group:network:region:r0|edgeServer:${A}`);
    expect(parseEdgeId(id)).toBeNull();
    expect(parseNodeId(id)).toBeNull();
  });

  test('what is none of them parses as nothing', () => {
    for (const id of ['', 'band:control', 'edgeServer', 'link:a:b', 'hosting:site:x', 'manages:a:site:b', 'dependency:a', 'placement:a:b:c']) {
      expect(parseEdgeId(id)).toBeNull();
      expect(parseNodeId(id)).toBeNull();
      expect(parseGroupNodeId(id)).toBeNull();
    }
  });

  test('the ids of entities and relations together: nodes, then links, dependencies and manages', () => {
    const manages = { controllerId: A, targetKind: 'service' as const, targetId: B };
    expect(flowIdsOf({ entities: [{ kind: 'service', id: B }], links: [{ id: A }], dependencies: [{ fromId: A, toId: B }], manages: [manages] })).toEqual([
      nodeId('service', B),
      linkEdgeId(A),
      dependencyEdgeId({ fromId: A, toId: B }),
      managesEdgeId(manages),
    ]);
  });
});
