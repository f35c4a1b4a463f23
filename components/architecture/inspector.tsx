'use client';

// The inspector: a validated form for the selected node or edge. Invalid values are shown at
// their field and nothing is saved; a name already used is caught here and again by the
// database; a save refused because someone else changed the row shows the reload banner.

import { memo, useDeferredValue, useState } from 'react';
import { parseEdgeId, parseNodeId } from '@/lib/architecture/flow-ids';
import { DependencyInspector } from './dependency-inspector';
import { AttachmentDetails, HostingDetails, ManagesDetails, PlacementDetails } from './edge-details';
import { useEditor } from './editor-store';
import { EntityInspector } from './entity-inspector';
import { DeleteButton } from './inspector-form';
import { LinkInspector } from './link-inspector';

/**
 * The selection the inspector shows: the editor's, except that while a node is dragged it stays
 * what it was before the drag. A drag selects the node it starts on, and drawing that node's form
 * (its fields' DOM, then their style and layout) during the drag made its longest frames: a
 * 154 ms task among drag steps of 80-120 ms (load 4, 2026-12-03), and in a trace the drag's first
 * steps were 101 ms of main-thread CPU against 45-55 for the others. The form is drawn at the drop.
 */
function useSettledSelection(): readonly string[] {
  const selected = useEditor((s) => s.selected);
  const dragging = useEditor((s) => s.dragging);
  const [shown, setShown] = useState(selected);
  // Adjusted while rendering (React's pattern for state that follows a prop): no extra commit.
  if (!dragging && shown !== selected) setShown(selected);
  return dragging ? shown : selected;
}

export const Inspector = memo(function Inspector() {
  // Deferred too: at the drop (or a click) React draws the form a moment later, in slices, not in
  // the task of the pointer event.
  const selected = useDeferredValue(useSettledSelection());
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
