'use client';

import { memo } from 'react';
import { useEditor } from './editor-store';

/** Whether edits are still being saved (they are saved as they are made). A fixed width: the
 * toolbar wraps, and a text of another width moved its wrap, the toolbar's height and so the
 * canvas's size at every save, twice (React Flow then measured and repainted every node: a
 * 55-65 ms-CPU frame at the end of each drag and layout). */
export const SaveStatus = memo(function SaveStatus() {
  const saving = useEditor((s) => s.saving);
  return (
    <span className="ml-auto w-28 shrink-0 text-right text-xs whitespace-nowrap text-slate-500" data-testid="save-status" aria-live="polite">
      {saving ? 'Saving…' : 'All changes saved'}
    </span>
  );
});
