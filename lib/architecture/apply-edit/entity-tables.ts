// Typed access to the tables an edit touches. Every entry calls its own Prisma delegate, so the
// compiler checks each where, select and data against that table's columns.

import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import {
  controllerFromRow,
  controllerSelect,
  edgeServerFromRow,
  edgeServerSelect,
  networkNodeFromRow,
  networkNodeSelect,
  registryFromRow,
  registrySelect,
  serviceFromRow,
  serviceSelect,
  siteFromRow,
  siteSelect,
  vnfFromRow,
  vnfSelect,
} from '../db-mapping';
import { ENTITY_KIND_LABELS, type EntityKind, type EntityOf } from '../snapshot';

export type Tx = Prisma.TransactionClient;

/** Creation order: what others point at first. Deletion goes the other way. */
export const CREATE_ORDER: EntityKind[] = ['site', 'edgeServer', 'networkNode', 'registry', 'vnf', 'service', 'controller'];

export const stale = (message: string) => new DomainError('STALE_VERSION', message);
export const label = (kind: EntityKind, name?: unknown) => `${ENTITY_KIND_LABELS[kind]}${typeof name === 'string' && name ? ` “${name}”` : ''}`;

/** Tables whose rows belong to one scenario: the ones an edit may name ids of. */
export type ScopedTable = EntityKind | 'image' | 'registry' | 'layer' | 'policy' | 'placementRun' | 'link';
type ScopedWhere = { id: { in: string[] }; scenarioId?: string | { not: string } };

const SCOPED_IDS = {
  site: (tx, where) => tx.site.findMany({ where, select: { id: true } }),
  edgeServer: (tx, where) => tx.edgeServer.findMany({ where, select: { id: true } }),
  networkNode: (tx, where) => tx.networkNode.findMany({ where, select: { id: true } }),
  vnf: (tx, where) => tx.vnf.findMany({ where, select: { id: true } }),
  service: (tx, where) => tx.service.findMany({ where, select: { id: true } }),
  controller: (tx, where) => tx.controller.findMany({ where, select: { id: true } }),
  image: (tx, where) => tx.image.findMany({ where, select: { id: true } }),
  registry: (tx, where) => tx.registry.findMany({ where, select: { id: true } }),
  layer: (tx, where) => tx.layer.findMany({ where, select: { id: true } }),
  policy: (tx, where) => tx.policy.findMany({ where, select: { id: true } }),
  placementRun: (tx, where) => tx.placementRun.findMany({ where, select: { id: true } }),
  link: (tx, where) => tx.link.findMany({ where, select: { id: true } }),
} satisfies Record<ScopedTable, (tx: Tx, where: ScopedWhere) => Promise<{ id: string }[]>>;

/** Ids of `table`'s rows that match `where`. */
export const findIds = (tx: Tx, table: ScopedTable, where: ScopedWhere) => SCOPED_IDS[table](tx, where);

type EntityWhere = { id: { in: string[] }; scenarioId?: string };

const ENTITY_READERS: { [K in EntityKind]: (tx: Tx, where: EntityWhere) => Promise<EntityOf<K>[]> } = {
  site: async (tx, where) => (await tx.site.findMany({ where, select: siteSelect })).map(siteFromRow),
  edgeServer: async (tx, where) => (await tx.edgeServer.findMany({ where, select: edgeServerSelect })).map(edgeServerFromRow),
  networkNode: async (tx, where) => (await tx.networkNode.findMany({ where, select: networkNodeSelect })).map(networkNodeFromRow),
  vnf: async (tx, where) => (await tx.vnf.findMany({ where, select: vnfSelect })).map(vnfFromRow),
  service: async (tx, where) => (await tx.service.findMany({ where, select: serviceSelect })).map(serviceFromRow),
  registry: async (tx, where) => (await tx.registry.findMany({ where, select: registrySelect })).map(registryFromRow),
  controller: async (tx, where) => (await tx.controller.findMany({ where, select: controllerSelect })).map(controllerFromRow),
};

/** The entities of one kind with these ids (in this scenario, when it is given). */
export async function readEntities<K extends EntityKind>(tx: Tx, kind: K, ids: string[], scenarioId?: string): Promise<EntityOf<K>[]> {
  if (!ids.length) return [];
  return ENTITY_READERS[kind](tx, { id: { in: ids }, scenarioId });
}

const ENTITY_DELETERS = {
  site: (tx, where) => tx.site.deleteMany({ where }),
  edgeServer: (tx, where) => tx.edgeServer.deleteMany({ where }),
  networkNode: (tx, where) => tx.networkNode.deleteMany({ where }),
  vnf: (tx, where) => tx.vnf.deleteMany({ where }),
  service: (tx, where) => tx.service.deleteMany({ where }),
  registry: (tx, where) => tx.registry.deleteMany({ where }),
  controller: (tx, where) => tx.controller.deleteMany({ where }),
} satisfies Record<EntityKind, (tx: Tx, where: Required<EntityWhere>) => Promise<{ count: number }>>;

export async function deleteEntityRows(tx: Tx, kind: EntityKind, ids: string[], scenarioId: string) {
  if (ids.length) await ENTITY_DELETERS[kind](tx, { id: { in: ids }, scenarioId });
}

/** Edge servers, network nodes and registries belong to a site; their membership is versioned content. */
export type SiteMemberKind = 'edgeServer' | 'networkNode' | 'registry';
type MemberWhere = { id: string | { in: string[] }; scenarioId?: string; siteId?: null };

const SITE_SETTERS = {
  edgeServer: (tx, where, siteId) => tx.edgeServer.updateMany({ where, data: { siteId, version: { increment: 1 } } }),
  networkNode: (tx, where, siteId) => tx.networkNode.updateMany({ where, data: { siteId, version: { increment: 1 } } }),
  registry: (tx, where, siteId) => tx.registry.updateMany({ where, data: { siteId, version: { increment: 1 } } }),
} satisfies Record<SiteMemberKind, (tx: Tx, where: MemberWhere, siteId: string | null) => Promise<{ count: number }>>;

/** Sets the site of the matching members, bumping their versions; how many matched. */
export const setSite = (tx: Tx, kind: SiteMemberKind, where: MemberWhere, siteId: string | null) => SITE_SETTERS[kind](tx, where, siteId);

/** What a registry is attached to: one network node or one edge server. */
export type AttachmentKind = 'networkNode' | 'edgeServer';

/** The attachment columns saying "attached to `target`" (null: attached to nothing). */
export function attachmentColumns(target: { kind: AttachmentKind; id: string } | null) {
  return { networkNodeId: target?.kind === 'networkNode' ? target.id : null, edgeServerId: target?.kind === 'edgeServer' ? target.id : null };
}
