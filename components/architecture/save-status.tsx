'use client';

import { memo } from 'react';
import { useEditor } from './editor-store';

/** Whether edits are still being saved (they are saved as they are made). */
export const SaveStatus = memo(function SaveStatus() {
  const saving = useEditor((s) => s.saving);
  return (
    <span className="ml-auto text-xs text-slate-500" data-testid="save-status" aria-live="polite">
      {saving ? 'Saving…' : 'All changes saved'}
    </span>
  );
});
