'use client';

// Above the canvas: the conflict banner (someone else changed what was edited: reload) and the
// latest notice.

import { memo } from 'react';
import { Button } from '@/components/ui/button';
import { useEditor, useEditorStore } from './editor-store';

export const Banners = memo(function Banners() {
  const store = useEditorStore();
  const conflict = useEditor((s) => s.conflict);
  const notice = useEditor((s) => s.notice);
  return (
    <>
      {conflict && (
        <div role="alert" data-testid="conflict" className="flex items-center gap-3 border-b border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
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
          className={`flex items-center gap-3 border-b px-3 py-1.5 text-sm ${notice.tone === 'error' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-slate-200 bg-slate-50 text-slate-700'}`}
        >
          <span className="flex-1">{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => store.setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
});
