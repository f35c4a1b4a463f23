'use client';

// The toolbar's layout buttons: auto layout always; geographic layout when some node has
// coordinates; "place new" while some nodes have no position yet (usable once others have one).
//
// The toolbar wraps, so a button that comes, goes or changes width during an edit changes the
// toolbar's height and the canvas's size, and React Flow re-measures and repaints every node for
// it (a 55-65 ms-CPU frame at 1,000 nodes, in the frame that ends a drag or a layout). So the
// buttons keep their widths: auto layout's two labels have one width, and "place new", once
// shown, keeps its place (invisible) when nothing is left to place.

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { coordinatesOf } from '@/lib/architecture/geographic-layout';
import type { WorkingCopy } from '@/lib/architecture/working-copy';
import { useEditor, useEditorStore } from './editor-store';

function countPlacement(model: WorkingCopy) {
  let unplaced = 0;
  let located = 0;
  for (const e of model.entities.values()) {
    if (e.posX === null || e.posY === null) unplaced++;
    if (coordinatesOf(model, e)) located++;
  }
  return { unplaced, placed: model.entities.size - unplaced, located };
}

export function LayoutButtons() {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const layout = useEditor((s) => s.layout.status);
  const aggregated = useEditor((s) => s.aggregated !== null);
  const model = useEditor((s) => s.model);
  const { unplaced, placed, located } = useMemo(() => countPlacement(model), [model]);
  const [placeSlot, setPlaceSlot] = useState(unplaced > 0);
  // Adjusted while rendering (React's pattern for state that follows props): no extra commit.
  if (unplaced > 0 && !placeSlot) setPlaceSlot(true);
  return (
    <>
      <Button
        onClick={() => void store.runAutoLayout()}
        disabled={locked || layout === 'running' || aggregated}
        data-layout-status={layout}
        className="min-w-[7rem]"
        title={aggregated ? 'The aggregated view is laid out by group; draw a smaller scope to lay it out' : 'Lay the whole graph out (in the background)'}
      >
        {layout === 'running' ? 'Laying out…' : 'Auto layout'}
      </Button>
      {located > 0 && (
        <Button
          onClick={() => void store.runGeographicLayout()}
          disabled={locked || aggregated}
          title={`Place the ${located} nodes that have a latitude and longitude by a map projection, in their bands`}
        >
          Geographic layout
        </Button>
      )}
      {placeSlot && (
        <Button
          onClick={() => void store.runPlaceNewNodes()}
          disabled={locked || aggregated || !placed || !unplaced}
          className={`min-w-[8.5rem] tabular-nums ${unplaced ? '' : 'invisible'}`}
          aria-hidden={!unplaced || undefined}
          title={
            placed
              ? 'Place the nodes that have no position yet next to their neighbours, moving nothing else'
              : 'No node has a position yet: move one (or run auto layout), then the others can be placed next to their neighbours'
          }
        >
          Place {unplaced} new
        </Button>
      )}
    </>
  );
}
