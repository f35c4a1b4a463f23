// Runs ELK off the main thread: laying out a thousand nodes takes long enough to freeze the page.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkGraph } from '@/lib/architecture/auto-layout';

const elk = new ELK();

// Importing elk.bundled.js inside a worker installs ELK's own message handler on `self`
// (it assumes it *is* the ELK worker); ours replaces it.
self.onmessage = async (event: MessageEvent<{ id: number; graph: ElkGraph }>) => {
  const { id, graph } = event.data;
  try {
    const started = performance.now();
    const result = (await elk.layout(graph)) as { children?: { id: string; x?: number; y?: number; width?: number; height?: number }[] };
    const children = (result.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
    self.postMessage({ id, ok: true, children, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
