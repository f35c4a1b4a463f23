'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { useMayAct } from '@/components/auth/role-context';
import type { ControlOverlay } from '@/lib/architecture/control-overlay';
import type { ArchitectureSnapshot } from '@/lib/architecture/snapshot';
import { parseViewParams, viewToParams } from '@/lib/architecture/view-url';
import { ArchitectureCanvas } from './architecture-canvas';
import { Banners } from './banners';
import { DeleteDialog } from './delete-dialog';
import { Filters } from './filters';
import { Legend } from './legend';
import { Palette } from './palette';
import { Toolbar } from './toolbar';
import { EditorStore, EditorStoreContext, useEditorStore } from './editor-store';
import { Inspector } from './inspector';
import { ControlPanel } from './control-panel';
import { ViewPanel } from './view-panel';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('dialog[open]');
}

/** Keyboard shortcuts: Delete/Backspace, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Ctrl+C / Ctrl+V,
 * Ctrl+A, Escape, F (fit view), L (lock), / (search). */
function KeyboardShortcuts() {
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const state = store.getState();
      if (key === 'delete' || key === 'backspace') {
        if (state.selected.length) {
          e.preventDefault();
          store.requestDelete();
        }
      } else if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) void store.redoLast();
        else void store.undoLast();
      } else if (mod && key === 'y') {
        e.preventDefault();
        void store.redoLast();
      } else if (mod && key === 'c') {
        store.copy();
      } else if (mod && key === 'v') {
        if (!store.hasClipboard()) return;
        e.preventDefault();
        void store.paste();
      } else if (mod && key === 'a') {
        e.preventDefault();
        store.selectAll();
      } else if (key === 'escape') {
        store.select([]);
      } else if (!mod && key === 'f') {
        void fitView({ padding: 0.05, duration: 300 });
      } else if (!mod && key === 'l') {
        store.setLocked(!state.locked);
      } else if (!mod && key === '/') {
        e.preventDefault();
        document.getElementById('arch-search')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, fitView]);
  return null;
}

/** Keeps the page URL in step with the view, so that copying it shares the view. */
function UrlSync() {
  const store = useEditorStore();
  useEffect(() => {
    let last = '';
    let timer = 0;
    const write = () => {
      const s = store.getState();
      const query = viewToParams({ view: s.view, selected: [...s.selected], viewport: s.viewport }).toString();
      if (query === last) return;
      last = query;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    };
    // Coalesced: a drag selects and moves many times a second; the URL needs the last state.
    const unsubscribe = store.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(write, 150);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
  return null;
}

export function ArchitectureEditor({ snapshot, query = '', control = null }: { snapshot: ArchitectureSnapshot; query?: string; control?: ControlOverlay | null }) {
  const mayEdit = useMayAct('planner');
  // One store per mounted editor; a new scenario is a new page (and a new store).
  const [store] = useState(() => {
    const initial = parseViewParams(new URLSearchParams(query));
    const s = new EditorStore(snapshot, { ...initial, control, readOnly: !mayEdit });
    if (initial.problems.length) s.setNotice({ tone: 'error', text: `Part of the link's view was not understood and is left out: ${initial.problems.join('; ')}.` });
    return s;
  });
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="flex h-[calc(100vh-9.5rem)] min-h-[560px] flex-col overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="architecture-editor">
          <Toolbar />
          <div className="flex min-h-0 flex-1">
            <div className="w-52 shrink-0 space-y-4 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3">
              <ViewPanel />
              <ControlPanel />
              {mayEdit && <Palette />}
              <Filters />
              <Legend />
            </div>
            <div className="relative min-w-0 flex-1" data-testid="canvas">
              <ArchitectureCanvas />
              <Banners />
            </div>
            <Inspector />
          </div>
        </div>
        <KeyboardShortcuts />
        <UrlSync />
        <DeleteDialog />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
