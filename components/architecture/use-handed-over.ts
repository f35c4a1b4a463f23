'use client';

import { useEffect, useState } from 'react';

/** Edges handed to React Flow (or taken back) per frame when the zoom crosses FAR_ZOOM: mounting
 * all 2,000 of the 1,000-node scenario at once was a 540 ms frame, taking them back a 225 ms one. */
export const HANDOVER_CHUNK = 125;

/**
 * How many edges React Flow draws near (see splitDrawnEdges): Infinity once all of them; after
 * the zoom crosses, it walks a chunk per frame towards `total` (going near) or 0 (going far).
 */
export function useHandedOver(far: boolean, total: number): number {
  const [count, setCount] = useState(far ? 0 : Infinity);
  const target = far ? 0 : Infinity;
  useEffect(() => {
    if (count === target) return;
    const frame = requestAnimationFrame(() =>
      setCount((c) => (far ? Math.max(0, Math.min(c, total) - HANDOVER_CHUNK) : c + HANDOVER_CHUNK >= total ? Infinity : c + HANDOVER_CHUNK)),
    );
    return () => cancelAnimationFrame(frame);
  }, [count, target, far, total]);
  return count;
}
