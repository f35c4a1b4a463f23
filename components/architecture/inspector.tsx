'use client';

// The inspector: a validated form for the selected node or edge. Invalid values are shown at
// their field and nothing is saved; a name already used is caught here and again by the
// database; a save refused because someone else changed the row shows the reload banner.

import { memo, useDeferredValue } from 'react';
import { parseEdgeId, parseNodeId } from '@/lib/architecture/flow-ids';
import { DependencyInspector } from './dependency-inspector';
import { AttachmentDetails, HostingDetails, ManagesDetails, PlacementDetails } from './edge-details';
import { useEditor } from './editor-store';
import { EntityInspector } from './entity-inspector';
import { DeleteButton } from './inspector-form';
import { LinkInspector } from './link-inspector';

export const Inspector = memo(function Inspector() {
  // Deferred: a drag selects the node it starts on, and drawing that node's form (~12 ms of the
  // main thread) in the same task as the drag's first step made the drag's longest frame. React
  // draws it a moment later, in slices between the drag's steps.
  const selected = useDeferredValue(useEditor((s) => s.selected));
  return (
    <aside aria-label="Inspector" data-testid="inspector" className="w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-3">
      {selected.length === 0 ? <NothingSelected /> : selected.length > 1 ? <SeveralSelected count={selected.length} /> : <OneSelected id={selected[0]} />}
    </aside>
  );
});

function NothingSelected() {
  return <p className="text-sm text-slate-500">Select a node or an edge to inspect it. Shift-drag to select several.</p>;
}

function SeveralSelected({ count }: { count: number }) {
  return (
    <div>
      <p className="mb-2 text-sm">{count} items selected.</p>
      <div className="flex gap-2">
        <DeleteButton className="" />
      </div>
    </div>
  );
}

/** The inspector that fits what the flow id stands for. */
function OneSelected({ id }: { id: string }) {
  if (parseNodeId(id)) return <EntityInspector id={id} />;
  const edge = parseEdgeId(id);
  switch (edge?.kind) {
    case 'link':
      return <LinkInspector linkId={edge.id} />;
    case 'dependency':
      return <DependencyInspector fromId={edge.fromId} toId={edge.toId} />;
    case 'placement':
      return <PlacementDetails serviceId={edge.serviceId} edgeServerId={edge.edgeServerId} />;
    case 'hosting':
      return <HostingDetails entityKind={edge.entityKind} id={edge.id} />;
    case 'manages':
      return <ManagesDetails relation={edge} />;
    case 'attachment':
      return <AttachmentDetails registryId={edge.registryId} />;
    default:
      return null;
  }
}
