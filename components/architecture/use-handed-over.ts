'use client';

import { useEffect, useState } from 'react';

/** Edges handed to React Flow per frame when the zoom goes in across FAR_ZOOM: mounting all 2,000
 * of the 1,000-node scenario at once was a 540 ms frame. Going out they are taken back at once
 * (unmounting them was a 225 ms frame, in the range of a far zoom step's own). */
const HANDOVER_CHUNK = 125;

/**
 * How many edges React Flow draws near (see splitDrawnEdges): none far out, Infinity once all of
 * them; after the zoom crosses inwards, a chunk more per frame until every one is handed over.
 */
export function useHandedOver(far: boolean, total: number): number {
  const [count, setCount] = useState(far ? 0 : Infinity);
  // Crossing either way starts again from none (adjusted while rendering, not in an effect).
  const [wasFar, setWasFar] = useState(far);
  if (far !== wasFar) {
    setWasFar(far);
    setCount(0);
  }
  useEffect(() => {
    if (far || count === Infinity) return;
    const frame = requestAnimationFrame(() => setCount((c) => (c + HANDOVER_CHUNK >= total ? Infinity : c + HANDOVER_CHUNK)));
    return () => cancelAnimationFrame(frame);
  }, [count, far, total]);
  return far ? 0 : count;
}
