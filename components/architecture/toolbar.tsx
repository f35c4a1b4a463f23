'use client';

// The editor's toolbar: undo/redo, lock, layout, fit, group by site, export, search, save status.

import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { Button } from '@/components/ui/button';
import { useEditor, useEditorStore } from './editor-store';
import { LayoutButtons } from './layout-buttons';
import { SaveStatus } from './save-status';
import { SearchBox } from './search-box';
import { useExportImage } from './use-export-image';

const Separator = () => <span className="mx-1 h-5 w-px bg-slate-200" />;

export const Toolbar = memo(function Toolbar() {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const readOnly = useEditor((s) => s.readOnly);
  const grouped = useEditor((s) => s.view.groupBySite);
  const { fitView } = useReactFlow();
  const exportAs = useExportImage();
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2" role="toolbar" aria-label="Editor tools">
      <HistoryButtons />
      {readOnly ? (
        <span className="rounded bg-slate-100 px-2 py-1 text-sm font-medium text-slate-700" data-testid="read-only-note" title="Editing the architecture needs the Planner role">
          View only
        </span>
      ) : (
        <Button onClick={() => store.setLocked(!locked)} aria-pressed={locked} variant={locked ? 'primary' : 'secondary'} title="Lock the canvas against edits (L)">
          {locked ? 'Locked' : 'Lock'}
        </Button>
      )}
      <Separator />
      <LayoutButtons />
      <Button onClick={() => void fitView({ padding: 0.05, duration: 300 })} title="Fit view (F)">
        Fit view
      </Button>
      <Button onClick={() => store.setView({ groupBySite: !grouped })} aria-pressed={grouped}>
        {grouped ? 'Ungroup sites' : 'Group by site'}
      </Button>
      <Separator />
      <Button onClick={() => void exportAs('png')}>Export PNG</Button>
      <Button onClick={() => void exportAs('svg')}>Export SVG</Button>
      <Separator />
      <SearchBox />
      <SaveStatus />
    </div>
  );
});

/** Undo and redo, titled with what they would undo or redo. */
function HistoryButtons() {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const undoLabel = useEditor((s) => s.undo.at(-1)?.label);
  const redoLabel = useEditor((s) => s.redo.at(-1)?.label);
  const canUndo = useEditor((s) => s.undo.length > 0);
  const canRedo = useEditor((s) => s.redo.length > 0);
  return (
    <>
      <Button onClick={() => void store.undoLast()} disabled={!canUndo || locked} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </Button>
      <Button onClick={() => void store.redoLast()} disabled={!canRedo || locked} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </Button>
    </>
  );
}
