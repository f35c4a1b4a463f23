'use client';

// What the inspector says about the edges that are not edited here: a placed replica (from the
// applied placement run), a VNF or controller's host, a controller managing something, and
// where a registry is attached.

import { managesEdgeId, nodeId } from '@/lib/architecture/flow-ids';
import { EDGE_KIND_LABELS, type EntityKind, type ManagesRelation } from '@/lib/architecture/snapshot';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useEditor, useEditorStore } from './editor-store';
import { DeleteButton } from './inspector-form';

function Details({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </div>
  );
}

const useNameOf = () => {
  const entities = useEditor((s) => s.model.entities);
  return (kind: EntityKind, id: string) => entities.get(nodeId(kind, id))?.name;
};

export function PlacementDetails({ serviceId, edgeServerId }: { serviceId: string; edgeServerId: string }) {
  const nameOf = useNameOf();
  const placement = useEditor((s) => s.model.placement);
  const relation = placement?.relations.find((p) => p.serviceId === serviceId && p.edgeServerId === edgeServerId);
  return (
    <Details title={EDGE_KIND_LABELS.placement}>
      <p>
        {nameOf('service', serviceId)} replicas {relation?.replicas.join(', ')} run on {nameOf('edgeServer', edgeServerId)}.
      </p>
      <p className="mt-1 text-xs text-slate-500">
        From the applied placement run ({placement?.algorithm}, {placement?.status}). Change it on the Placement page.
      </p>
    </Details>
  );
}

export function HostingDetails({ entityKind, id }: { entityKind: 'vnf' | 'controller'; id: string }) {
  const nameOf = useNameOf();
  const hosted = useEditor((s) => s.model.entities.get(nodeId(entityKind, id)));
  return (
    <Details title={EDGE_KIND_LABELS.hosting}>
      <p>
        {hosted?.name} runs on {hosted && 'hostServerId' in hosted ? nameOf('edgeServer', hosted.hostServerId) : '?'}. To move it, drag from its square host handle to another edge
        server, or pick the server in its inspector.
      </p>
    </Details>
  );
}

export function ManagesDetails({ relation }: { relation: ManagesRelation }) {
  const nameOf = useNameOf();
  const id = managesEdgeId(relation);
  const managed = useEditor((s) => s.model.manages.get(id));
  return (
    <Details title={EDGE_KIND_LABELS.manages}>
      <p>
        {nameOf('controller', relation.controllerId)} manages {managed ? nameOf(managed.targetKind, managed.targetId) : '?'}.
      </p>
      <DeleteButton ids={[id]} />
    </Details>
  );
}

export function AttachmentDetails({ registryId }: { registryId: string }) {
  const nameOf = useNameOf();
  const store = useEditorStore();
  const registry = useEditor((s) => s.model.entities.get(nodeId('registry', registryId)));
  if (registry?.kind !== 'registry') return null;
  const at = registry.networkNodeId ? nameOf('networkNode', registry.networkNodeId) : registry.edgeServerId ? nameOf('edgeServer', registry.edgeServerId) : null;
  return (
    <Details title={EDGE_KIND_LABELS.attachment}>
      <p>
        {registry.name} is attached to {at ?? 'nothing'}: edge servers pull its images over the network&rsquo;s paths to there. To move it, draw an edge from it to another network
        node or edge server, or pick one in its inspector.
      </p>
      <Button className="mt-2" onClick={() => void store.detachRegistry(registryId)}>
        Detach
      </Button>
    </Details>
  );
}
