'use client';

// Filters: which layers and edge kinds are drawn, and servers or services of one architecture
// or accelerator only.

import { memo } from 'react';
import { EDGE_KINDS, type EdgeKind } from '@/lib/architecture/snapshot';
import { ACCELERATORS, ARCHS, LAYERS, type LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { useEditor, useEditorStore } from './editor-store';

/** The set with the item taken out if it was in, put in if it was not. */
function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}

export const Filters = memo(function Filters() {
  const store = useEditorStore();
  const view = useEditor((s) => s.view);
  const toggleLayer = (l: LayerName) => store.setView({ hiddenLayers: toggled(view.hiddenLayers, l) });
  const toggleEdge = (k: EdgeKind) => store.setView({ hiddenEdgeKinds: toggled(view.hiddenEdgeKinds, k) });
  return (
    <fieldset className="space-y-2 text-xs" aria-label="Filters">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Filters</legend>
      <div>
        <div className="font-medium text-slate-600">Layers</div>
        {(Object.keys(LAYERS) as LayerName[]).map((l) => (
          <label key={l} className="mr-2 inline-flex items-center gap-1">
            <input type="checkbox" checked={!view.hiddenLayers.has(l)} onChange={() => toggleLayer(l)} />
            {LAYERS[l]}
          </label>
        ))}
      </div>
      <div>
        <div className="font-medium text-slate-600">Edges</div>
        {EDGE_KINDS.map((k) => (
          <label key={k} className="mr-2 inline-flex items-center gap-1">
            <input type="checkbox" checked={!view.hiddenEdgeKinds.has(k)} onChange={() => toggleEdge(k)} />
            {k}
          </label>
        ))}
      </div>
      <div className="flex gap-2">
        <label className="flex flex-col">
          <span className="font-medium text-slate-600">Arch</span>
          <select
            className="rounded border border-slate-300 px-1 py-0.5"
            value={view.arch ?? ''}
            onChange={(e) => store.setView({ arch: e.target.value || null })}
            aria-label="Filter by architecture"
          >
            <option value="">any</option>
            {ARCHS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="font-medium text-slate-600">Accelerator</span>
          <select
            className="rounded border border-slate-300 px-1 py-0.5"
            value={view.accelerator ?? ''}
            onChange={(e) => store.setView({ accelerator: e.target.value || null })}
            aria-label="Filter by accelerator"
          >
            <option value="">any</option>
            {ACCELERATORS.map((a) => (
              <option key={a} value={a}>
                {a.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
});
