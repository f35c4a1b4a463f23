'use client';

// Export PNG / Export SVG: the drawn graph (band labels included) as an image file named after
// the scenario.

import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { useEditorStore } from './editor-store';

function download(dataUrl: string, filename: string) {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  a.click();
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function useExportImage() {
  const { getNodes } = useReactFlow();
  const store = useEditorStore();
  return async (format: 'png' | 'svg') => {
    const nodes = getNodes().filter((n) => !n.hidden);
    const nodeBounds = getNodesBounds(nodes);
    // Room on the left and top for the band labels.
    const bounds = { x: nodeBounds.x - 160, y: nodeBounds.y - 60, width: nodeBounds.width + 180, height: nodeBounds.height + 80 };
    const width = Math.min(8000, Math.max(800, Math.round(bounds.width * 1.05)));
    const height = Math.min(8000, Math.max(600, Math.round(bounds.height * 1.05)));
    const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, 0.03);
    const element = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!element) return;
    const options = {
      backgroundColor: '#ffffff',
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
    };
    const name = store.getState().scenarioName.replace(/[^\w.-]+/g, '-');
    // Every edge as React Flow draws it (far out most are on a canvas at screen resolution), in
    // the page before the copy is taken: two frames, one to render them and one to paint them.
    store.setExporting(true);
    try {
      await nextFrame();
      await nextFrame();
      const url = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
      download(url, `${name}-architecture.${format}`);
    } catch (error) {
      store.setNotice({ tone: 'error', text: `Export failed: ${(error as Error).message}` });
    } finally {
      store.setExporting(false);
    }
  };
}
