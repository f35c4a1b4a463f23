'use client';

// The toolbar's layout buttons: auto layout always; geographic layout when some node has
// coordinates; "place new" when some nodes have no position yet and others do.

import { useMemo } from 'react';
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
  return (
    <>
      <Button
        onClick={() => void store.runAutoLayout()}
        disabled={locked || layout === 'running' || aggregated}
        data-layout-status={layout}
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
      {unplaced > 0 && placed > 0 && (
        <Button
          onClick={() => void store.runPlaceNewNodes()}
          disabled={locked || aggregated}
          title="Place the nodes that have no position yet next to their neighbours, moving nothing else"
        >
          Place {unplaced} new
        </Button>
      )}
    </>
  );
}
