'use client';

import { toPng } from 'html-to-image';
import { useState, type RefObject } from 'react';
import { Button } from '@/components/ui/button';

/** Saves the figure (title, chart, legend) as a PNG as it looks on screen; the buttons
 * themselves are left out of the picture. */
export function ExportPngButton({ target, fileName, label }: { target: RefObject<HTMLElement | null>; fileName: string; label: string }) {
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  async function exportPng() {
    if (!target.current) return;
    setState('working');
    try {
      const url = await toPng(target.current, {
        backgroundColor: '#ffffff',
        pixelRatio: 2,
        filter: (node) => !(node instanceof HTMLElement && node.dataset.exportIgnore !== undefined),
      });
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <Button variant="ghost" onClick={() => void exportPng()} disabled={state === 'working'} aria-label={label}>
      {state === 'working' ? 'Rendering…' : state === 'failed' ? 'PNG failed — retry' : 'Download PNG'}
    </Button>
  );
}
