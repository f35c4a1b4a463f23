// What deleting a selection takes with it, as the confirmation lists it and as the delete edit
// names it (with the versions the browser has). Pure: the same plan drives the dialog and the
// edit, so the dialog never shows less than what goes.

import type { WorkingCopy } from './working-copy';
import type { Edit } from './edits';
import { nodeId, parseEdgeId, parseNodeId } from './flow-ids';
import type { Entity, LinkRelation, DependencyRelation, ManagesRelation } from './snapshot';

export type DeletePlan = {
  /** Selected entities first, then VNFs and controllers hosted on selected edge servers. */
  entities: Entity[];
  hosted: Entity[];
  links: LinkRelation[];
  dependencies: DependencyRelation[];
  manages: ManagesRelation[];
  /** Edge servers, network nodes and registries that lose their site (they stay). */
  unsited: Entity[];
  /** Registries attached to a deleted network node or edge server (they stay, unattached). */
  detached: Entity[];
  /** Replicas of the applied placement that go with deleted services or edge servers. */
  placedReplicas: number;
  edit: Extract<Edit, { type: 'delete' }>;
};

export function planDelete(model: WorkingCopy, selectedIds: readonly string[]): DeletePlan {
  const chosen = new Map<string, Entity>();
  const links = new Map<string, LinkRelation>();
  const deps = new Map<string, DependencyRelation>();
  const manages = new Map<string, ManagesRelation>();

  for (const id of selectedIds) {
    const n = parseNodeId(id);
    if (n) {
      const e = model.entities.get(id);
      if (e) chosen.set(id, e);
      continue;
    }
    const edge = parseEdgeId(id);
    if (!edge) continue;
    if (edge.kind === 'link') {
      const l = model.links.get(edge.id);
      if (l) links.set(l.id, l);
    } else if (edge.kind === 'dependency') {
      const d = model.dependencies.get(id);
      if (d) deps.set(id, d);
    } else if (edge.kind === 'manages') {
      const m = model.manages.get(id);
      if (m) manages.set(id, m);
    }
    // Hosting edges are not deleted on their own (a VNF or controller always runs somewhere:
    // re-host it instead); placement edges belong to the placement run; deleting a registry's
    // attachment is an update of the registry (the editor store's detach).
  }

  const hosted: Entity[] = [];
  const serverIds = new Set([...chosen.values()].filter((e) => e.kind === 'edgeServer').map((e) => e.id));
  if (serverIds.size) {
    for (const e of model.entities.values()) {
      if ((e.kind === 'vnf' || e.kind === 'controller') && serverIds.has(e.hostServerId) && !chosen.has(nodeId(e.kind, e.id))) hosted.push(e);
    }
  }
  const all = [...chosen.values(), ...hosted];
  const gone = new Set(all.map((e) => nodeId(e.kind, e.id)));
  for (const l of model.links.values()) {
    if (gone.has(nodeId(l.a.kind, l.a.id)) || gone.has(nodeId(l.b.kind, l.b.id))) links.set(l.id, l);
  }
  for (const [key, d] of model.dependencies) {
    if (gone.has(nodeId('service', d.fromId)) || gone.has(nodeId('service', d.toId))) deps.set(key, d);
  }
  for (const [key, m] of model.manages) {
    if (gone.has(nodeId('controller', m.controllerId)) || gone.has(nodeId(m.targetKind, m.targetId))) manages.set(key, m);
  }
  const siteIds = new Set(all.filter((e) => e.kind === 'site').map((e) => e.id));
  const unsited = siteIds.size
    ? [...model.entities.values()].filter(
        (e) => (e.kind === 'edgeServer' || e.kind === 'networkNode' || e.kind === 'registry') && e.siteId && siteIds.has(e.siteId) && !gone.has(nodeId(e.kind, e.id)),
      )
    : [];
  const detached = [...model.entities.values()].filter(
    (e) =>
      e.kind === 'registry' &&
      !gone.has(nodeId(e.kind, e.id)) &&
      ((e.networkNodeId && gone.has(nodeId('networkNode', e.networkNodeId))) || (e.edgeServerId && gone.has(nodeId('edgeServer', e.edgeServerId)))),
  );
  let placedReplicas = 0;
  for (const p of model.placement?.relations ?? []) {
    if (gone.has(nodeId('service', p.serviceId)) || gone.has(nodeId('edgeServer', p.edgeServerId))) placedReplicas += p.replicas.length;
  }

  return {
    entities: [...chosen.values()],
    hosted,
    links: [...links.values()],
    dependencies: [...deps.values()],
    manages: [...manages.values()],
    unsited,
    detached,
    placedReplicas,
    edit: {
      type: 'delete',
      entities: all.map((e) => ({ kind: e.kind, id: e.id, version: e.version })),
      links: [...links.values()].map((l) => ({ id: l.id, version: l.version })),
      dependencies: [...deps.values()].map((d) => ({ fromId: d.fromId, toId: d.toId, version: d.version })),
      manages: [...manages.values()],
    },
  };
}

export function isEmptyPlan(plan: DeletePlan): boolean {
  return !plan.edit.entities.length && !plan.edit.links.length && !plan.edit.dependencies.length && !plan.edit.manages.length;
}
