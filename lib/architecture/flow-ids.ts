// The canvas's React Flow ids, built and read back only here. The model is keyed by them, the
// selection and the shareable URL hold them, and the browser tests find nodes by them, so every
// reader must agree on one spelling:
//
//   entity node     <kind>:<id>                          edgeServer:1f0c…
//   summary node    group:<band>:<group key>             group:physical:region:eu-west
//   link            link:<id>
//   hosting         hosting:<vnf|controller>:<id>
//   manages         manages:<controller id>:<kind>:<target id>
//   dependency      dependency:<from id>:<to id>
//   placement       placement:<service id>:<edge server id>
//   attachment      attachment:<registry id>                (to its network node or edge server)
//   merged edges    agg:<edge kind>|<source>|<target>    (the aggregated view; never read back)
//
// Database ids are UUIDs (no ':'), so an edge id splits on ':'. A group key is free text (a
// region name, an image repository with a registry port), so it is everything after the band.

import type { LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { ENTITY_KINDS, MANAGED_KINDS, type EdgeKind, type EntityKind, type ManagedKind, type ManagesRelation } from './snapshot';

export const nodeId = (kind: EntityKind, id: string) => `${kind}:${id}`;

export function parseNodeId(flowId: string): { kind: EntityKind; id: string } | null {
  const colon = flowId.indexOf(':');
  if (colon < 0) return null;
  const kind = flowId.slice(0, colon) as EntityKind;
  if (!ENTITY_KINDS.includes(kind)) return null;
  return { kind, id: flowId.slice(colon + 1) };
}

const GROUP = 'group:';

export const groupNodeId = (band: LayerName, key: string) => `${GROUP}${band}:${key}`;

export function parseGroupNodeId(flowId: string): { band: LayerName; key: string } | null {
  if (!flowId.startsWith(GROUP)) return null;
  const colon = flowId.indexOf(':', GROUP.length);
  if (colon < 0) return null;
  return { band: flowId.slice(GROUP.length, colon) as LayerName, key: flowId.slice(colon + 1) };
}

export function isGroupNodeId(flowId: string): boolean {
  return flowId.startsWith(GROUP);
}

export const linkEdgeId = (id: string) => `link:${id}`;
export const hostingEdgeId = (kind: 'vnf' | 'controller', id: string) => `hosting:${kind}:${id}`;
export const managesEdgeId = (m: ManagesRelation) => `manages:${m.controllerId}:${m.targetKind}:${m.targetId}`;
export const dependencyEdgeId = (d: { fromId: string; toId: string }) => `dependency:${d.fromId}:${d.toId}`;
export const placementEdgeId = (p: { serviceId: string; edgeServerId: string }) => `placement:${p.serviceId}:${p.edgeServerId}`;
export const attachmentEdgeId = (registryId: string) => `attachment:${registryId}`;

/** One edge of the aggregated view standing for every `kind` edge between two drawn nodes. */
export const aggregateEdgeId = (kind: EdgeKind, source: string, target: string) => `agg:${kind}|${source}|${target}`;

/** What a React Flow edge id stands for. */
export type EdgeRef =
  | { kind: 'link'; id: string }
  | { kind: 'hosting'; entityKind: 'vnf' | 'controller'; id: string }
  | { kind: 'manages'; controllerId: string; targetKind: ManagedKind; targetId: string }
  | { kind: 'dependency'; fromId: string; toId: string }
  | { kind: 'placement'; serviceId: string; edgeServerId: string }
  | { kind: 'attachment'; registryId: string };

export function parseEdgeId(flowId: string): EdgeRef | null {
  const parts = flowId.split(':');
  switch (parts[0]) {
    case 'link':
      return parts.length === 2 ? { kind: 'link', id: parts[1] } : null;
    case 'hosting':
      return parts.length === 3 && (parts[1] === 'vnf' || parts[1] === 'controller') ? { kind: 'hosting', entityKind: parts[1], id: parts[2] } : null;
    case 'manages':
      return parts.length === 4 && (MANAGED_KINDS as readonly string[]).includes(parts[2])
        ? { kind: 'manages', controllerId: parts[1], targetKind: parts[2] as ManagedKind, targetId: parts[3] }
        : null;
    case 'dependency':
      return parts.length === 3 ? { kind: 'dependency', fromId: parts[1], toId: parts[2] } : null;
    case 'placement':
      return parts.length === 3 ? { kind: 'placement', serviceId: parts[1], edgeServerId: parts[2] } : null;
    case 'attachment':
      return parts.length === 2 ? { kind: 'attachment', registryId: parts[1] } : null;
    default:
      return null;
  }
}

/** The flow ids of entities and relations taken together: what a create edit makes, what a
 * delete takes, what a restore brings back (to select them, or to delete them on undo). */
export function flowIdsOf(parts: {
  entities: readonly { kind: EntityKind; id: string }[];
  links: readonly { id: string }[];
  dependencies: readonly { fromId: string; toId: string }[];
  manages: readonly ManagesRelation[];
}): string[] {
  return [
    ...parts.entities.map((e) => nodeId(e.kind, e.id)),
    ...parts.links.map((l) => linkEdgeId(l.id)),
    ...parts.dependencies.map(dependencyEdgeId),
    ...parts.manages.map(managesEdgeId),
  ];
}
