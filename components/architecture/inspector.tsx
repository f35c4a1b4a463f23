'use client';

// The inspector: a validated form for the selected node or edge. Invalid values are shown at
// their field and nothing is saved; a name already used is caught here and again by the
// database; a save refused because someone else changed the row shows the reload banner.

import { memo, useDeferredValue, useEffect, useState } from 'react';
import { parseEdgeId, parseNodeId } from '@/lib/architecture/flow-ids';
import { DependencyInspector } from './dependency-inspector';
import { AttachmentDetails, HostingDetails, ManagesDetails, PlacementDetails } from './edge-details';
import { useEditor } from './editor-store';
import { EntityInspector } from './entity-inspector';
import { DeleteButton } from './inspector-form';
import { LinkInspector } from './link-inspector';

/** Whether a pointer button is held down anywhere in the page; after its release (or a cancel,
 * or the window losing focus) until the browser's next idle time. At a drop, the store's next
 * task re-derives the graph and React renders it: a selection released in the same frame was
 * rendered with it (that task went from 12 to 28-52 ms of CPU, traced, and 144 ms of wall time
 * in one run), so the form waits for the first idle moment after the release. */
function usePointerHeld(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    let pending: number | null = null;
    const cancel = () => {
      if (pending === null) return;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(pending);
      else window.clearTimeout(pending);
      pending = null;
    };
    const down = () => {
      cancel();
      setHeld(true);
    };
    const up = () => {
      cancel();
      const release = () => {
        pending = null;
        setHeld(false);
      };
      // Where there is no requestIdleCallback (Safari), a task after the release's own.
      pending = typeof requestIdleCallback === 'function' ? requestIdleCallback(release, { timeout: 300 }) : window.setTimeout(release, 0);
    };
    window.addEventListener('pointerdown', down, { capture: true, passive: true });
    for (const e of ['pointerup', 'pointercancel', 'blur'] as const) window.addEventListener(e, up, { capture: true, passive: true });
    return () => {
      cancel();
      window.removeEventListener('pointerdown', down, { capture: true });
      for (const e of ['pointerup', 'pointercancel', 'blur'] as const) window.removeEventListener(e, up, { capture: true });
    };
  }, []);
  return held;
}

/**
 * The selection the inspector shows: the editor's, except that while a pointer button is held it
 * stays what it was when the button went down. A drag selects the node it starts on (React Flow
 * selects it at the drag's first move, a step before it moves it), and drawing that node's form
 * (its fields' DOM, then their style and layout) among the drag's first steps made its longest
 * frames: in a trace (2026-12-03 22:11, load 0.4-3.6) the drag's first steps were 101 and 35 ms of
 * main-thread CPU against 45-55 for the others, with the form's render in slices between them.
 * The form is drawn when the button is released: at the drop, or at the click that selects.
 */
function useSettledSelection(): readonly string[] {
  const selected = useEditor((s) => s.selected);
  const held = usePointerHeld();
  const [shown, setShown] = useState(selected);
  // Adjusted while rendering (React's pattern for state that follows a prop): no extra commit.
  if (!held && shown !== selected) setShown(selected);
  return held ? shown : selected;
}

export const Inspector = memo(function Inspector() {
  // Deferred too: at the release React draws the form a moment later, in slices, not in the
  // pointer event's task (at a drop, the frames that re-grid the band come first).
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
