// Which pairs of nodes may be connected on the canvas, and what the connection becomes.
// Pure: the canvas asks it while a connection is dragged (to refuse invalid targets) and when
// one is dropped; the server asks it again before writing.

import { MANAGED_KINDS, type EntityKind, type ManagedKind } from './snapshot';

/** The handle a connection starts from: every node has `edge` handles; VNFs and controllers
 * also have a `host` handle whose connections say which edge server they run on. */
export type HandleRole = 'edge' | 'host';

export type ConnectionEnd = { kind: EntityKind; id: string };

export type ConnectionVerdict =
  | { ok: true; edgeKind: 'link'; a: ConnectionEnd & { kind: 'edgeServer' | 'networkNode' }; b: ConnectionEnd & { kind: 'edgeServer' | 'networkNode' } }
  | { ok: true; edgeKind: 'hosting'; hosted: ConnectionEnd & { kind: 'vnf' | 'controller' }; edgeServerId: string }
  | { ok: true; edgeKind: 'manages'; controllerId: string; targetKind: ManagedKind; targetId: string }
  | { ok: true; edgeKind: 'dependency'; fromId: string; toId: string }
  | { ok: true; edgeKind: 'attachment'; registryId: string; target: ConnectionEnd & { kind: 'edgeServer' | 'networkNode' } }
  | { ok: false; reason: string };

const isLinkEnd = (k: EntityKind): k is 'edgeServer' | 'networkNode' => k === 'edgeServer' || k === 'networkNode';
const isManaged = (k: EntityKind): k is ManagedKind => (MANAGED_KINDS as readonly string[]).includes(k);

/** What already exists, so duplicates are refused with a reason rather than by the database. */
export type ExistingRelations = {
  hasDependency(fromId: string, toId: string): boolean;
  hasManages(controllerId: string, targetKind: ManagedKind, targetId: string): boolean;
};

const NONE: ExistingRelations = { hasDependency: () => false, hasManages: () => false };

export function classifyConnection(source: ConnectionEnd, target: ConnectionEnd, sourceHandle: HandleRole = 'edge', existing: ExistingRelations = NONE): ConnectionVerdict {
  if (source.kind === target.kind && source.id === target.id) return { ok: false, reason: 'A node cannot be connected to itself.' };

  // A hosting connection may be drawn from either end; the hosted side has the host handle.
  if (sourceHandle === 'host') {
    if (source.kind !== 'vnf' && source.kind !== 'controller') return { ok: false, reason: 'Only VNFs and controllers are hosted on an edge server.' };
    if (target.kind !== 'edgeServer') return { ok: false, reason: 'A hosting edge must end on an edge server.' };
    return { ok: true, edgeKind: 'hosting', hosted: { kind: source.kind, id: source.id }, edgeServerId: target.id };
  }

  if (source.kind === 'site' || target.kind === 'site') {
    return { ok: false, reason: 'Sites are not connected by edges: choose an edge server’s or network node’s site in the inspector.' };
  }

  // A registry is attached to the network node or edge server it sits on, drawn either way.
  const [registry, other] = source.kind === 'registry' ? [source, target] : target.kind === 'registry' ? [target, source] : [null, null];
  if (registry && other) {
    if (isLinkEnd(other.kind)) return { ok: true, edgeKind: 'attachment', registryId: registry.id, target: { kind: other.kind, id: other.id } };
    return { ok: false, reason: 'A registry is attached to a network node or an edge server: that is where pulls reach it.' };
  }

  if (isLinkEnd(source.kind) && isLinkEnd(target.kind)) {
    return { ok: true, edgeKind: 'link', a: { kind: source.kind, id: source.id }, b: { kind: target.kind, id: target.id } };
  }

  if (source.kind === 'service' && target.kind === 'service') {
    if (existing.hasDependency(source.id, target.id)) return { ok: false, reason: 'This service already calls that one.' };
    return { ok: true, edgeKind: 'dependency', fromId: source.id, toId: target.id };
  }

  // Manages: from a controller to what it controls, drawn in either direction.
  const [controller, managed] = source.kind === 'controller' ? [source, target] : target.kind === 'controller' ? [target, source] : [null, null];
  if (controller && managed) {
    if (managed.kind === 'controller') return { ok: false, reason: 'A controller manages edge servers, network nodes, services and VNFs, not other controllers.' };
    if (!isManaged(managed.kind)) return { ok: false, reason: 'A controller cannot manage that.' };
    if (existing.hasManages(controller.id, managed.kind, managed.id)) return { ok: false, reason: 'This controller already manages it.' };
    return { ok: true, edgeKind: 'manages', controllerId: controller.id, targetKind: managed.kind, targetId: managed.id };
  }

  if ((source.kind === 'service' && target.kind === 'edgeServer') || (source.kind === 'edgeServer' && target.kind === 'service')) {
    return { ok: false, reason: 'Services are placed on edge servers by the optimizer: run a placement and apply it.' };
  }
  if (source.kind === 'service' || target.kind === 'service') {
    return { ok: false, reason: 'A link cannot join a service: links join edge servers and network nodes; services connect only to services.' };
  }
  if (source.kind === 'vnf' || target.kind === 'vnf') {
    return { ok: false, reason: 'A VNF connects to its edge server through its host handle; links join edge servers and network nodes.' };
  }
  return { ok: false, reason: 'These two cannot be connected.' };
}
