import { describe, expect, test } from 'vitest';
import { classifyConnection } from './connection-rules';

// Vitest types asymmetric matchers as any; `as string` says what each one stands for.

const n = (kind: Parameters<typeof classifyConnection>[0]['kind'], id: string = kind) => ({ kind, id });

describe('valid-connection rules', () => {
  test('links join edge servers and network nodes, in any combination', () => {
    expect(classifyConnection(n('edgeServer', 's1'), n('networkNode', 'sw'))).toMatchObject({ ok: true, edgeKind: 'link' });
    expect(classifyConnection(n('networkNode', 'a'), n('networkNode', 'b'))).toMatchObject({ ok: true, edgeKind: 'link' });
    expect(classifyConnection(n('edgeServer', 'a'), n('edgeServer', 'b'))).toMatchObject({ ok: true, edgeKind: 'link' });
  });

  test('a link cannot join two services, or a service and a network node', () => {
    const twoServices = classifyConnection(n('service', 'a'), n('service', 'b'));
    expect(twoServices).toMatchObject({ ok: true, edgeKind: 'dependency' }); // services connect as calls, never as links
    expect(classifyConnection(n('service'), n('networkNode'))).toMatchObject({ ok: false, reason: expect.stringMatching(/A link cannot join a service/) as string });
    expect(classifyConnection(n('service'), n('edgeServer'))).toMatchObject({ ok: false, reason: expect.stringMatching(/placed on edge servers by the optimizer/) as string });
  });

  test('a hosting edge starts at a VNF or controller host handle and must end on an edge server', () => {
    expect(classifyConnection(n('vnf', 'fw'), n('edgeServer', 's'), 'host')).toEqual({ ok: true, edgeKind: 'hosting', hosted: { kind: 'vnf', id: 'fw' }, edgeServerId: 's' });
    expect(classifyConnection(n('controller', 'k'), n('edgeServer', 's'), 'host')).toMatchObject({ ok: true, edgeKind: 'hosting' });
    expect(classifyConnection(n('controller'), n('service'), 'host')).toEqual({ ok: false, reason: 'A hosting edge must end on an edge server.' });
    expect(classifyConnection(n('vnf'), n('networkNode'), 'host')).toMatchObject({ ok: false });
    expect(classifyConnection(n('service'), n('edgeServer'), 'host')).toMatchObject({ ok: false, reason: expect.stringMatching(/Only VNFs and controllers/) as string });
  });

  test('manages goes from a controller to what it controls, drawn either way', () => {
    expect(classifyConnection(n('controller', 'c'), n('service', 's'))).toEqual({ ok: true, edgeKind: 'manages', controllerId: 'c', targetKind: 'service', targetId: 's' });
    expect(classifyConnection(n('networkNode', 'sw'), n('controller', 'c'))).toEqual({
      ok: true,
      edgeKind: 'manages',
      controllerId: 'c',
      targetKind: 'networkNode',
      targetId: 'sw',
    });
    expect(classifyConnection(n('controller', 'a'), n('controller', 'b'))).toMatchObject({ ok: false });
  });

  test('duplicates, self-connections and sites are refused with a reason', () => {
    const existing = { hasDependency: (f: string, t: string) => f === 'a' && t === 'b', hasManages: () => true };
    expect(classifyConnection(n('service', 'a'), n('service', 'b'), 'edge', existing)).toMatchObject({ ok: false, reason: expect.stringMatching(/already calls/) as string });
    expect(classifyConnection(n('service', 'b'), n('service', 'a'), 'edge', existing)).toMatchObject({ ok: true });
    expect(classifyConnection(n('controller', 'c'), n('vnf', 'v'), 'edge', existing)).toMatchObject({ ok: false, reason: expect.stringMatching(/already manages/) as string });
    expect(classifyConnection(n('edgeServer', 'x'), n('edgeServer', 'x'))).toMatchObject({ ok: false });
    expect(classifyConnection(n('site'), n('edgeServer'))).toMatchObject({ ok: false, reason: expect.stringMatching(/Sites/) as string });
  });

  test('a registry is attached to a network node or an edge server, drawn either way, and to nothing else', () => {
    expect(classifyConnection(n('registry', 'r'), n('networkNode', 'core'))).toEqual({
      ok: true,
      edgeKind: 'attachment',
      registryId: 'r',
      target: { kind: 'networkNode', id: 'core' },
    });
    expect(classifyConnection(n('edgeServer', 'e'), n('registry', 'r'))).toEqual({ ok: true, edgeKind: 'attachment', registryId: 'r', target: { kind: 'edgeServer', id: 'e' } });
    for (const other of ['service', 'vnf', 'controller', 'registry'] as const) {
      expect(classifyConnection(n('registry', 'r'), n(other, 'x'))).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/attached to a network node or an edge server/) as string,
      });
    }
  });
});
