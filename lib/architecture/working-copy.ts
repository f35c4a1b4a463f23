// The editor's working copy of a scenario: entities and relations keyed for quick lookup,
// updated immutably (every change makes new maps, unchanged objects keep their identity so the
// canvas re-renders only what changed). Pure.

import type { EditOutcome } from './edits';
import { dependencyEdgeId, managesEdgeId, nodeId } from './flow-ids';
import { type AppliedPlacement, type ArchitectureSnapshot, type DependencyRelation, type Entity, type EntityKind, type LinkRelation, type ManagesRelation } from './snapshot';

export type WorkingCopy = {
  /** By React Flow node id (`<kind>:<id>`). */
  entities: ReadonlyMap<string, Entity>;
  links: ReadonlyMap<string, LinkRelation>;
  /** By `dependency:<from>:<to>`. */
  dependencies: ReadonlyMap<string, DependencyRelation>;
  /** By `manages:<controller>:<kind>:<target>`. */
  manages: ReadonlyMap<string, ManagesRelation>;
  placement: AppliedPlacement | null;
};

export function workingCopyFromSnapshot(s: ArchitectureSnapshot): WorkingCopy {
  return {
    entities: new Map(s.entities.map((e) => [nodeId(e.kind, e.id), e])),
    links: new Map(s.links.map((l) => [l.id, l])),
    dependencies: new Map(s.dependencies.map((d) => [dependencyEdgeId(d), d])),
    manages: new Map(s.manages.map((m) => [managesEdgeId(m), m])),
    placement: s.placement,
  };
}

/** Merges what the server wrote (and removed) into the model. */
export function applyOutcome(model: WorkingCopy, outcome: EditOutcome): WorkingCopy {
  const entities = new Map(model.entities);
  const links = new Map(model.links);
  const dependencies = new Map(model.dependencies);
  const manages = new Map(model.manages);
  for (const e of outcome.removed.entities) entities.delete(nodeId(e.kind, e.id));
  for (const id of outcome.removed.links) links.delete(id);
  for (const d of outcome.removed.dependencies) dependencies.delete(dependencyEdgeId(d));
  for (const m of outcome.removed.manages) manages.delete(managesEdgeId(m));
  for (const e of outcome.upserted.entities) entities.set(nodeId(e.kind, e.id), e);
  for (const l of outcome.upserted.links) links.set(l.id, l);
  for (const d of outcome.upserted.dependencies) dependencies.set(dependencyEdgeId(d), d);
  for (const m of outcome.upserted.manages) manages.set(managesEdgeId(m), m);
  return { entities, links, dependencies, manages, placement: outcome.placement !== undefined ? outcome.placement : model.placement };
}

/** Local position changes (saved separately; positions are never version-checked). */
export function withPositions(model: WorkingCopy, positions: readonly { kind: EntityKind; id: string; x: number; y: number }[]): WorkingCopy {
  if (!positions.length) return model;
  let entities: Map<string, Entity> | null = null;
  for (const p of positions) {
    const key = nodeId(p.kind, p.id);
    const e = model.entities.get(key);
    // Unchanged entities keep their identity, so the nodes drawn from them are not rebuilt; and
    // with none changed the model keeps its own, so nothing is derived again.
    if (e && (e.posX !== p.x || e.posY !== p.y)) (entities ??= new Map(model.entities)).set(key, { ...e, posX: p.x, posY: p.y });
  }
  return entities ? { ...model, entities } : model;
}

export function isNameTaken(model: WorkingCopy, kind: EntityKind | 'link', name: string, exceptId?: string): boolean {
  const wanted = name.trim();
  if (kind === 'link') {
    for (const l of model.links.values()) if (l.name === wanted && l.id !== exceptId) return true;
    return false;
  }
  for (const e of model.entities.values()) if (e.kind === kind && e.name === wanted && e.id !== exceptId) return true;
  return false;
}

/** `base`, or `base-2`, `base-3`… whichever is free for that kind. */
export function uniqueName(model: WorkingCopy, kind: EntityKind | 'link', base: string, also: ReadonlySet<string> = new Set()): string {
  const free = (n: string) => !isNameTaken(model, kind, n) && !also.has(n);
  if (free(base)) return base;
  for (let i = 2; ; i++) if (free(`${base}-${i}`)) return `${base}-${i}`;
}
