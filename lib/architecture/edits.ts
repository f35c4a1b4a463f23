// The edits the canvas sends to the server, one server action each, every one applied in a
// transaction. Updates and deletes carry the version the browser based them on; the server
// refuses them when the row has moved on (or is gone), so nothing is silently overwritten and a
// deleted row is never brought back by a stale save. Positions are layout, not content: a move
// is last-writer-wins, but it only ever updates rows that still exist.

import { z } from 'zod';
import {
  controllerFields,
  dependencyFields,
  edgeServerFields,
  linkEndSchema,
  linkFields,
  networkNodeFields,
  registryFields,
  serviceFields,
  siteFields,
  vnfFields,
} from './entity-schemas';
import { ENTITY_KINDS, MANAGED_KINDS, type AppliedPlacement, type DependencyRelation, type Entity, type EntityKind, type LinkRelation, type ManagesRelation } from './snapshot';

const uuid = z.string().uuid();
const coord = z.number().finite().min(-1e7).max(1e7);
const pos = { posX: coord.nullable(), posY: coord.nullable() };

export const entityCreateSchema = z.discriminatedUnion('kind', [
  siteFields.extend({ kind: z.literal('site'), id: uuid, ...pos }),
  edgeServerFields.extend({ kind: z.literal('edgeServer'), id: uuid, ...pos }),
  networkNodeFields.extend({ kind: z.literal('networkNode'), id: uuid, ...pos }),
  vnfFields.extend({ kind: z.literal('vnf'), id: uuid, ...pos }),
  serviceFields.extend({ kind: z.literal('service'), id: uuid, ...pos }),
  registryFields.extend({ kind: z.literal('registry'), id: uuid, ...pos }),
  controllerFields.extend({ kind: z.literal('controller'), id: uuid, ...pos }),
]);
export type EntityCreate = z.infer<typeof entityCreateSchema>;

const linkCreateSchema = linkFields.extend({ id: uuid, a: linkEndSchema, b: linkEndSchema });
const dependencyCreateSchema = dependencyFields.extend({ fromId: uuid, toId: uuid });
const managesSchema = z.object({ controllerId: uuid, targetKind: z.enum(MANAGED_KINDS), targetId: uuid });

export const ENTITY_UPDATE_SCHEMAS = {
  site: siteFields.partial(),
  edgeServer: edgeServerFields.partial(),
  networkNode: networkNodeFields.partial(),
  vnf: vnfFields.partial(),
  service: serviceFields.partial(),
  registry: registryFields.partial(),
  controller: controllerFields.partial(),
} as const;

const entityRef = z.object({ kind: z.enum(ENTITY_KINDS), id: uuid, version: z.number().int().positive() });

export const editSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('create'),
    entities: z.array(entityCreateSchema).max(5000),
    links: z.array(linkCreateSchema).max(10000),
    dependencies: z.array(dependencyCreateSchema).max(10000),
    manages: z.array(managesSchema).max(10000),
  }),
  z.object({
    type: z.literal('update'),
    kind: z.enum(ENTITY_KINDS),
    id: uuid,
    version: z.number().int().positive(),
    // Checked against ENTITY_UPDATE_SCHEMAS[kind] by the server.
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('updateLink'), id: uuid, version: z.number().int().positive(), changes: linkFields.partial() }),
  z.object({ type: z.literal('updateDependency'), fromId: uuid, toId: uuid, version: z.number().int().positive(), changes: dependencyFields.partial() }),
  z.object({
    type: z.literal('move'),
    positions: z.array(z.object({ kind: z.enum(ENTITY_KINDS), id: uuid, x: coord, y: coord })).max(20000),
  }),
  z.object({
    type: z.literal('delete'),
    entities: z.array(entityRef).max(5000),
    links: z.array(z.object({ id: uuid, version: z.number().int().positive() })).max(10000),
    dependencies: z.array(z.object({ fromId: uuid, toId: uuid, version: z.number().int().positive() })).max(10000),
    manages: z.array(managesSchema).max(10000),
  }),
  z.object({ type: z.literal('restore'), bundle: z.lazy(() => deletedBundleSchema) }),
]);
export type Edit = z.infer<typeof editSchema>;

/** Everything one delete removed, rows and all, so that undo can put it back exactly. */
const deletedBundleSchema = z.object({
  entities: z.array(entityCreateSchema.and(z.object({ version: z.number().int().positive() }))),
  links: z.array(linkCreateSchema.extend({ version: z.number().int().positive() })),
  dependencies: z.array(dependencyCreateSchema.extend({ version: z.number().int().positive() })),
  manages: z.array(managesSchema),
  /** Memberships and pointers of rows that were not deleted but pointed at deleted ones. */
  siteMembers: z.array(z.object({ kind: z.enum(['edgeServer', 'networkNode', 'registry']), id: uuid, siteId: uuid })),
  vnfChain: z.array(z.object({ vnfId: uuid, nextVnfId: uuid })),
  /** Registries attached to a deleted network node or edge server (they stay, unattached). */
  registryAttachments: z.array(z.object({ registryId: uuid, kind: z.enum(['networkNode', 'edgeServer']), id: uuid })),
  /** Images that named a deleted registry as theirs (they stay, with no registry). */
  imageRegistries: z.array(z.object({ imageId: uuid, registryId: uuid })),
  cachedLayers: z.array(z.object({ edgeServerId: uuid, layerId: uuid })),
  policyServices: z.array(z.object({ policyId: uuid, serviceId: uuid })),
  policyEdgeServers: z.array(z.object({ policyId: uuid, edgeServerId: uuid })),
  assignments: z.array(z.object({ runId: uuid, serviceId: uuid, replica: z.number().int().nonnegative(), edgeServerId: uuid })),
});
export type DeletedBundle = z.infer<typeof deletedBundleSchema>;

/** What the server changed, for the browser to merge into its model. */
export type EditOutcome = {
  upserted: { entities: Entity[]; links: LinkRelation[]; dependencies: DependencyRelation[]; manages: ManagesRelation[] };
  removed: { entities: { kind: EntityKind; id: string }[]; links: string[]; dependencies: { fromId: string; toId: string }[]; manages: ManagesRelation[] };
  /** Set when the edit deleted: what undo sends back. */
  bundle?: DeletedBundle;
  /** Set when assignments of the applied run were removed or restored. */
  placement?: AppliedPlacement | null;
};

export const emptyOutcome = (): EditOutcome => ({
  upserted: { entities: [], links: [], dependencies: [], manages: [] },
  removed: { entities: [], links: [], dependencies: [], manages: [] },
});
