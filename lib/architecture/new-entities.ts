// New entities from the palette and copies from the clipboard, as create edits. Pure; ids come
// from the caller (crypto.randomUUID in the browser) so the edit can be retried and undone.

import { isNameTaken, uniqueName, type WorkingCopy } from './working-copy';
import type { Edit, EntityCreate } from './edits';
import { flowIdsOf, nodeId, parseNodeId } from './flow-ids';
import type { DependencyRelation, Entity, EntityKind, LinkRelation, ManagesRelation } from './snapshot';

export type CreateEdit = Extract<Edit, { type: 'create' }>;

const BASE_NAMES: Record<EntityKind, string> = {
  site: 'site',
  edgeServer: 'edge-server',
  networkNode: 'switch',
  vnf: 'firewall',
  service: 'service',
  registry: 'registry',
  controller: 'controller',
};

/** A new entity of `kind` with sensible defaults. VNFs and controllers need an edge server to
 * run on: `hostServerId` (else the first edge server by name); null when there is none. */
export function newEntity(model: WorkingCopy, kind: EntityKind, id: string, position: { x: number; y: number }, hostServerId?: string | null): EntityCreate | null {
  let n = 1;
  while (isNameTaken(model, kind, `${BASE_NAMES[kind]}-${n}`)) n += 1;
  const common = { id, posX: Math.round(position.x), posY: Math.round(position.y), name: `${BASE_NAMES[kind]}-${n}` };
  switch (kind) {
    case 'site':
      return { ...common, kind, provider: '', region: '', latitude: null, longitude: null };
    case 'edgeServer':
      return { ...common, kind, siteId: null, tier: 'edge', arch: 'amd64', cpuCores: 8, memoryMiB: 16384, storageBytes: 256 * 1024 ** 3, bandwidthMbps: 10000, accelerators: [] };
    case 'networkNode':
      return { ...common, kind, siteId: null, nodeKind: 'switch', sdnManaged: false, latitude: null, longitude: null };
    case 'service':
      return { ...common, kind, imageRef: 'nginx:1.27', imageId: null, replicas: 1, cpuCores: 0.5, memoryMiB: 512, bandwidthMbps: 10, port: 80, arch: null, accelerator: null };
    case 'registry':
      // Unattached: drawing an edge from it to a network node or an edge server attaches it.
      return { ...common, kind, url: `https://${common.name}.example`, siteId: null, networkNodeId: null, edgeServerId: null };
    case 'vnf':
    case 'controller': {
      const host = hostServerId ?? firstEdgeServer(model);
      if (!host) return null;
      return kind === 'vnf'
        ? { ...common, kind, vnfKind: 'firewall', hostServerId: host, cpuCores: 1, memoryMiB: 1024, nextVnfId: null }
        : { ...common, kind, controllerKind: 'orchestrator', product: 'Kubernetes 1.33', hostServerId: host, cpuCores: 1, memoryMiB: 1024 };
    }
  }
}

function firstEdgeServer(model: WorkingCopy): string | null {
  let best: Entity | null = null;
  for (const e of model.entities.values()) if (e.kind === 'edgeServer' && (!best || e.name < best.name)) best = e;
  return best?.id ?? null;
}

/** What copy puts on the clipboard: the selected entities and the relations among them. */
export type Clipboard = { entities: Entity[]; links: LinkRelation[]; dependencies: DependencyRelation[]; manages: ManagesRelation[] };

export function copySelection(model: WorkingCopy, selectedIds: readonly string[]): Clipboard {
  const entities: Entity[] = [];
  for (const id of selectedIds) {
    const ref = parseNodeId(id);
    const e = ref && model.entities.get(id);
    if (e) entities.push(e);
  }
  const inside = new Set(entities.map((e) => nodeId(e.kind, e.id)));
  return {
    entities,
    links: [...model.links.values()].filter((l) => inside.has(nodeId(l.a.kind, l.a.id)) && inside.has(nodeId(l.b.kind, l.b.id))),
    dependencies: [...model.dependencies.values()].filter((d) => inside.has(nodeId('service', d.fromId)) && inside.has(nodeId('service', d.toId))),
    manages: [...model.manages.values()].filter((m) => inside.has(nodeId('controller', m.controllerId)) && inside.has(nodeId(m.targetKind, m.targetId))),
  };
}

/**
 * The create edit that pastes a clipboard: fresh ids and free names ("edge-1-copy"), shifted by
 * `offset`; relations among the copies are copied; a copied VNF or controller whose host was not
 * copied stays on the same host (if it still exists). `clamp` keeps positions in their band.
 */
export function pasteEdit(
  model: WorkingCopy,
  clip: Clipboard,
  makeId: () => string,
  offset: { x: number; y: number },
  clamp: (kind: EntityKind, p: { x: number; y: number }) => { x: number; y: number } = (_k, p) => p,
): { edit: CreateEdit; ids: string[] } | null {
  const idMap = new Map<string, string>();
  for (const e of clip.entities) idMap.set(e.id, makeId());
  const mapped = (id: string | null) => (id ? (idMap.get(id) ?? id) : null);
  const taken = new Map<EntityKind | 'link', Set<string>>();
  const name = (kind: EntityKind | 'link', base: string) => {
    let used = taken.get(kind);
    if (!used) taken.set(kind, (used = new Set()));
    const n = uniqueName(model, kind, `${base}-copy`, used);
    used.add(n);
    return n;
  };
  const entities: EntityCreate[] = [];
  for (const e of clip.entities) {
    if ((e.kind === 'vnf' || e.kind === 'controller') && !idMap.has(e.hostServerId) && !model.entities.has(nodeId('edgeServer', e.hostServerId))) continue;
    const { version: _v, ...rest } = e;
    const p = clamp(e.kind, { x: (e.posX ?? 0) + offset.x, y: (e.posY ?? 0) + offset.y });
    const copy = { ...rest, id: idMap.get(e.id)!, name: name(e.kind, e.name), posX: Math.round(p.x), posY: Math.round(p.y) } as EntityCreate & Record<string, unknown>;
    if ('hostServerId' in copy) copy.hostServerId = mapped(copy.hostServerId as string)!;
    if ('nextVnfId' in copy) copy.nextVnfId = copy.nextVnfId && idMap.has(copy.nextVnfId as string) ? mapped(copy.nextVnfId as string) : null;
    // A copy keeps its site (sites are not duplicated unless copied too), and a registry its
    // attachment (to the copy of what it was attached to, when that was copied too).
    if ('siteId' in copy && copy.siteId) copy.siteId = mapped(copy.siteId as string);
    if ('networkNodeId' in copy && copy.networkNodeId) copy.networkNodeId = mapped(copy.networkNodeId as string);
    if ('edgeServerId' in copy && copy.edgeServerId) copy.edgeServerId = mapped(copy.edgeServerId as string);
    entities.push(copy);
  }
  if (!entities.length) return null;
  const created = new Set(entities.map((e) => e.id));
  const links = clip.links
    .filter((l) => created.has(idMap.get(l.a.id) ?? '') && created.has(idMap.get(l.b.id) ?? ''))
    .map((l) => {
      const { version: _v, ...rest } = l;
      return { ...rest, id: makeId(), name: name('link', l.name), a: { ...l.a, id: idMap.get(l.a.id)! }, b: { ...l.b, id: idMap.get(l.b.id)! } };
    });
  const dependencies = clip.dependencies
    .filter((d) => created.has(idMap.get(d.fromId) ?? '') && created.has(idMap.get(d.toId) ?? ''))
    .map((d) => ({ fromId: idMap.get(d.fromId)!, toId: idMap.get(d.toId)!, trafficMbps: d.trafficMbps }));
  const manages = clip.manages
    .filter((m) => created.has(idMap.get(m.controllerId) ?? '') && created.has(idMap.get(m.targetId) ?? ''))
    .map((m) => ({ controllerId: idMap.get(m.controllerId)!, targetKind: m.targetKind, targetId: idMap.get(m.targetId)! }));
  const edit: CreateEdit = { type: 'create', entities, links, dependencies, manages };
  return { edit, ids: flowIdsOf(edit) };
}
