'use client';

import type { ElkGraph, ElkNode } from '@/lib/architecture/auto-layout';

let worker: Worker | null = null;
let nextId = 1;

/** Lays a graph out with ELK in a web worker (one per page, created on first use). */
export function runElkLayout(graph: ElkGraph): Promise<{ children: ElkNode[]; ms: number }> {
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ id: number; ok: boolean; children?: ElkNode[]; ms?: number; message?: string }>) => {
      if (event.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      if (event.data.ok) resolve({ children: event.data.children!, ms: event.data.ms! });
      else reject(new Error(event.data.message));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (e) => reject(new Error(e.message || 'The layout worker failed.')), { once: true });
    w.postMessage({ id, graph });
  });
}
