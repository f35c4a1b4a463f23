'use client';

// Over the top of the canvas: the conflict banner (someone else changed what was edited: reload)
// and the latest notice. Drawn over it, not above it: as a row of the editor's column, each notice
// (one after every layout, undo or refused edit) shrank the canvas, and React Flow re-measured and
// repainted all its nodes for it (a 55-65 ms-CPU frame at 1,000 nodes), and the graph jumped.

import { memo } from 'react';
import { Button } from '@/components/ui/button';
import { useEditor, useEditorStore } from './editor-store';

export const Banners = memo(function Banners() {
  const store = useEditorStore();
  const conflict = useEditor((s) => s.conflict);
  const notice = useEditor((s) => s.notice);
  return (
    <div className="pointer-events-none absolute inset-x-3 top-2 z-10 flex flex-col items-center gap-1">
      {conflict && (
        <div
          role="alert"
          data-testid="conflict"
          className="pointer-events-auto flex w-full max-w-3xl items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow"
        >
          <span className="flex-1">{conflict}</span>
          <Button variant="primary" onClick={() => void store.reload()}>
            Reload
          </Button>
        </div>
      )}
      {notice && (
        <div
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
          className={`pointer-events-auto flex w-full max-w-3xl items-center gap-3 rounded-md border px-3 py-1.5 text-sm shadow ${notice.tone === 'error' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-slate-200 bg-slate-50 text-slate-700'}`}
        >
          <span className="flex-1">{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => store.setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
});
