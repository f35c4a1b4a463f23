'use client';

// The palette: drag an entity kind onto its band, or click it to add one in the middle of the
// view (the keyboard's way).

import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { ENTITY_KIND_LABELS, type EntityKind } from '@/lib/architecture/snapshot';
import { PALETTE_MIME } from './architecture-canvas';
import { useEditor, useEditorStore } from './editor-store';
import { MINIMAP_COLOURS } from './node-types';

const PALETTE: { kind: EntityKind; hint: string }[] = [
  { kind: 'controller', hint: 'control band' },
  { kind: 'service', hint: 'service band' },
  { kind: 'registry', hint: 'service band' },
  { kind: 'vnf', hint: 'network band' },
  { kind: 'networkNode', hint: 'network band' },
  { kind: 'edgeServer', hint: 'physical band' },
  { kind: 'site', hint: 'physical band' },
];

export const Palette = memo(function Palette() {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const { getViewport } = useReactFlow();
  const addInView = (kind: EntityKind) => {
    // Keyboard/click alternative to dragging: into the kind's band, at the view's centre.
    const { x, y, zoom } = getViewport();
    const el = document.querySelector('.react-flow');
    const w = el?.clientWidth ?? 800;
    void store.addEntityAt(kind, store.clampIntoBand(kind, { x: (w / 2 - x) / zoom, y: (200 - y) / zoom }), false);
  };
  return (
    <div aria-label="Palette" role="group">
      <div className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Add</div>
      <ul className="space-y-1">
        {PALETTE.map(({ kind, hint }) => (
          <li key={kind}>
            <button
              type="button"
              draggable={!locked}
              disabled={locked}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInView(kind)}
              data-testid={`palette-${kind}`}
              title={`Drag onto the ${hint}, or click to add it there`}
              className="flex w-full cursor-grab items-center gap-2 rounded border border-slate-300 bg-white px-2 py-1 text-left text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
            >
              <span className="inline-block h-3 w-3 rounded-sm" style={{ background: MINIMAP_COLOURS[kind] }} />
              {ENTITY_KIND_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
