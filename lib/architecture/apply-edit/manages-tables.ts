// The "manages" relation is one join table per managed kind; these typed entries hide which.

import type { ManagedKind, ManagesRelation } from '../snapshot';
import type { Tx } from './entity-tables';

/** Join rows to find: of these controllers, of these targets, and these exact pairs. */
export type ManagesFilter = { controllerIds: string[]; targetIds: string[]; pairs: ManagesRelation[] };

export const isEmptyFilter = (f: ManagesFilter) => !f.controllerIds.length && !f.targetIds.length && !f.pairs.length;

function anyOf<W extends object>(f: ManagesFilter, target: (id: string | { in: string[] }) => W) {
  return [
    ...(f.controllerIds.length ? [{ controllerId: { in: f.controllerIds } }] : []),
    ...(f.targetIds.length ? [target({ in: f.targetIds })] : []),
    ...f.pairs.map((m) => ({ controllerId: m.controllerId, ...target(m.targetId) })),
  ];
}

type ManagesTable = {
  find(tx: Tx, scenarioId: string, filter: ManagesFilter): Promise<ManagesRelation[]>;
  create(tx: Tx, m: ManagesRelation): Promise<unknown>;
  remove(tx: Tx, m: ManagesRelation): Promise<unknown>;
};

export const MANAGES_TABLES = {
  edgeServer: {
    find: async (tx, scenarioId, filter) =>
      (await tx.controllerManagedEdgeServer.findMany({ where: { controller: { scenarioId }, OR: anyOf(filter, (edgeServerId) => ({ edgeServerId })) } })).map((r) => ({
        controllerId: r.controllerId,
        targetKind: 'edgeServer',
        targetId: r.edgeServerId,
      })),
    create: (tx, m) => tx.controllerManagedEdgeServer.create({ data: { controllerId: m.controllerId, edgeServerId: m.targetId } }),
    remove: (tx, m) => tx.controllerManagedEdgeServer.deleteMany({ where: { controllerId: m.controllerId, edgeServerId: m.targetId } }),
  },
  networkNode: {
    find: async (tx, scenarioId, filter) =>
      (await tx.controllerManagedNetworkNode.findMany({ where: { controller: { scenarioId }, OR: anyOf(filter, (networkNodeId) => ({ networkNodeId })) } })).map((r) => ({
        controllerId: r.controllerId,
        targetKind: 'networkNode',
        targetId: r.networkNodeId,
      })),
    create: (tx, m) => tx.controllerManagedNetworkNode.create({ data: { controllerId: m.controllerId, networkNodeId: m.targetId } }),
    remove: (tx, m) => tx.controllerManagedNetworkNode.deleteMany({ where: { controllerId: m.controllerId, networkNodeId: m.targetId } }),
  },
  service: {
    find: async (tx, scenarioId, filter) =>
      (await tx.controllerManagedService.findMany({ where: { controller: { scenarioId }, OR: anyOf(filter, (serviceId) => ({ serviceId })) } })).map((r) => ({
        controllerId: r.controllerId,
        targetKind: 'service',
        targetId: r.serviceId,
      })),
    create: (tx, m) => tx.controllerManagedService.create({ data: { controllerId: m.controllerId, serviceId: m.targetId } }),
    remove: (tx, m) => tx.controllerManagedService.deleteMany({ where: { controllerId: m.controllerId, serviceId: m.targetId } }),
  },
  vnf: {
    find: async (tx, scenarioId, filter) =>
      (await tx.controllerManagedVnf.findMany({ where: { controller: { scenarioId }, OR: anyOf(filter, (vnfId) => ({ vnfId })) } })).map((r) => ({
        controllerId: r.controllerId,
        targetKind: 'vnf',
        targetId: r.vnfId,
      })),
    create: (tx, m) => tx.controllerManagedVnf.create({ data: { controllerId: m.controllerId, vnfId: m.targetId } }),
    remove: (tx, m) => tx.controllerManagedVnf.deleteMany({ where: { controllerId: m.controllerId, vnfId: m.targetId } }),
  },
} satisfies Record<ManagedKind, ManagesTable>;
